use crate::i18n::texts::FlowTexts;

pub const FLOW: FlowTexts = FlowTexts {
    loading: "正在加载订单表单…",
    cannot_start: "订单表单无法启动",
    ask_administrator: "请联系网站管理员检查配置。",
    refused_settings: |names| {
        format!(
            "此页面的地址试图更改本表单的 {names}，已被忽略：您的订单只会发送到本网站配置的地址。"
        )
    },
    continue_button: "继续",
    back: "返回",
    start_over: "重新开始",
    confirm_start_over_paid: |cert| {
        format!("证书 {cert} 已付款但尚未申请。重新开始将在此处忘记它（它仍保留在您的服务商账户中）。确定重新开始吗？")
    },
    page_title: |step| format!("{step} – 订购 SSL 证书"),
    application_sent_title: "申请已提交",
};
