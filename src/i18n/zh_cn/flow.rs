use crate::i18n::texts::FlowTexts;

pub const FLOW: FlowTexts = FlowTexts {
    back: "返回",
    start_over: "重新开始",
    confirm_start_over_paid: |cert| {
        format!("证书 {cert} 已付款但尚未申请。重新开始将在此处忘记它（它仍保留在您的服务商账户中）。确定重新开始吗？")
    },
    title_domain: "证书要绑定哪个域名？",
    title_csr: "您的证书签名请求（CSR）",
    title_validation: "您将如何证明对每个域名的控制权？",
    title_contacts: "申请人是谁？",
    title_organisation: "证书用于哪个组织？",
    title_review: "核对您的订单",
    short_product: "证书",
    short_domain: "域名",
    short_csr: "CSR",
    short_validation: "验证",
    short_contacts: "联系人",
    short_organisation: "组织",
    short_review: "核对",
    progress_label: "进度",
    step_of: |number, total| format!("第 {number} 步，共 {total} 步："),

    problem_heading: "存在以下问题",

    method_dns: "DNS 验证（添加 DNS 记录）",
    method_http: "文件验证（Web 服务器上的文件，http）",
    method_https: "文件验证（Web 服务器上的文件，https）",
    method_email: "邮箱验证（发送邮件到审批邮箱）",
    other_name_problem: |typed, problem| format!("“{typed}”：{problem}"),
    other_name_wildcard: |name| {
        format!("“{name}”：此证书不支持通配符域名，请删除该域名或选择支持通配符的证书")
    },
    too_few_names: |min, max| {
        format!("请至少输入一个其他域名：此证书共可包含 {min} 到 {max} 个域名")
    },
    too_many_names: |max, total, excess| {
        format!("此证书最多可包含 {max} 个域名，当前输入了 {total} 个：请删除 {excess} 个")
    },
    agree_privacy: "请确认您同意隐私声明：服务商需要您的同意才能处理申请",
};
