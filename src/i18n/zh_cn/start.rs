use crate::i18n::texts::StartTexts;

pub static START: StartTexts = StartTexts {
    loading: "正在加载订单表单…",
    cannot_start: "订单表单无法启动",
    ask_administrator: "请联系网站管理员检查配置。",
    refused_settings: |names| {
        format!(
            "此页面的地址试图更改本表单的 {names}，已被忽略：您的订单只会发送到本网站配置的地址。"
        )
    },
    continue_button: "继续",
    next_loading: "正在加载下一步…",
    next_failed: "无法加载下一步。请检查网络连接后重试；您的选择会保留。如果一直失败，表单可能刚刚更新：请重新加载页面。",
    try_again: "重试",
    page_title: |step| format!("{step} – 订购 SSL 证书"),

    config_unreadable: |url, reason| format!("无法读取 {url}：{reason}"),
    catalogue_unreadable: |url, reason| format!("无法读取产品目录 {url}：{reason}"),
    catalogue_invalid: |url, problem| format!("产品目录 {url}：{problem}"),
    catalogue_other_provider: |url, provider| {
        format!("产品目录 {url} 中的产品不属于 config.json 指定的服务商“{provider}”。")
    },

    title_product: "选择证书",
    error_prefix: "错误：",

    level_dv: "域名型（DV）",
    level_ov: "企业型（OV）",
    level_ev: "增强型（EV）",
    term_years: |years| format!("{years} 年"),
    term_months: |months| format!("{months} 个月"),
    product_details: |level, term, description| {
        if description.is_empty() {
            format!("{level}。{term}。")
        } else {
            format!("{level}。{term}。{description}")
        }
    },

    choose_product: "请选择要购买的证书",

    config_shape: |reason| format!("config.json 无效：{reason}"),
    config_value: |problem| format!("config.json：{problem}"),
    config_not_object: "config.json 必须是 JSON 对象",
    config_not_json: |reason| format!("config.json：{reason}"),
    page_options_not_object: "嵌入页面的选项必须是 JSON 对象",
    page_options_not_json: |reason| format!("嵌入页面的选项：{reason}"),
    config_unknown_provider: |provider| {
        format!("未知的 provider“{provider}”，请使用“huawei”、“gogetssl”、“cpanel”或“generic”")
    },
    config_generic_needs_catalogue: "provider 为“generic”时需要指定“catalogue”，即您的代理所销售的产品，例如“catalog/gogetssl.json”",
    config_empty_endpoint: "endpoint 不能为空",
    config_unknown_storage: |storage| {
        format!("storage“{storage}”无效，应为“local”、“session”或“none”")
    },
    config_seconds: |name, seconds| {
        format!("{name} 必须是 1 到 600 之间的整数秒数，而不是 {seconds}")
    },
    config_server_count: |count| {
        format!("gogetssl.server_count 必须为 -1（不限）或至少为 1，而不是 {count}")
    },
    config_subject_names: |slug| {
        format!("cpanel.subject_names“{slug}”无效，应为“seed”、“pairs”或“wizard”")
    },
    config_url_after_checkout: "cpanel.url_after_checkout 必须是不带查询字符串的 http(s) 绝对 URL",
    config_parent_origin: |origin| {
        format!("parent_origins：“{origin}”不是形如“https://panel.example.com”的源（不能包含路径或通配符）")
    },
    config_allow_only: |key, settable, given| {
        format!("{key} 只能列出 {settable}，不能列出 {given}")
    },

    catalogue_shape: |reason| format!("产品目录不是符合预期结构的有效 JSON：{reason}"),
    catalogue_product: |id, problem| format!("产品“{id}”：{problem}"),
    catalogue_empty: "产品目录中没有任何产品",
    catalogue_unknown_provider: |provider| {
        format!("未知的 provider“{provider}”（应为 huawei、gogetssl 或 cpanel）")
    },
    catalogue_unknown_level: |level| format!("未知的 level“{level}”（应为 DV、OV 或 EV）"),
    catalogue_unknown_cert_type: |code| format!("未知的 cert_type“{code}”"),
    catalogue_level_contradicts: |level, code| format!("level {level} 与 cert_type {code} 矛盾"),
    catalogue_no_level: "既没有已知的 cert_type，也没有 level",
    catalogue_unknown_brand: |brand| format!("未知的 brand“{brand}”"),
    catalogue_unknown_domain_type: |kind| format!("未知的 domain_type“{kind}”"),
    catalogue_wildcard_names_multi_only: "wildcard_names 仅适用于 MULTI_DOMAIN 产品",
    catalogue_ev_wildcard: "EV 证书不能包含通配符域名（EV 指南）",
    catalogue_years_and_months: "years 和 months 只能指定其一",
    catalogue_no_validity: "请用 years 或 months 指定有效期",
    catalogue_validity_range: "有效期必须为 1 到 5 年或 1 到 120 个月",
    catalogue_huawei_years: "华为云以年为单位计算有效期",
    catalogue_quantity: |quantity| {
        format!("quantity 必须为 1（每个订单只申请一张证书），而不是 {quantity}")
    },
    catalogue_not_a_price: |key, value| format!("{key}“{value}”不是形如 3.00 的价格"),
    catalogue_cpanel_price: "cPanel Market 按域名计价：请提供 price_per_name（含通配符域名时还需提供 price_per_wildcard）",
    catalogue_wildcard_price_alone: "提供 price_per_wildcard 时必须同时提供 price_per_name",
    catalogue_wildcard_price_missing: "支持通配符域名的产品需要提供 price_per_wildcard",
    catalogue_name_limits: |cap, included, max| {
        let cap = cap.map(|cap| format!(" <= {cap}")).unwrap_or_default();
        format!("names 必须满足 2 <= included <= max{cap}，当前 included 为 {included}，max 为 {max}")
    },
    catalogue_multi_needs_names: "MULTI_DOMAIN 产品需要提供 \"names\": {\"included\", \"max\"}",
    catalogue_names_multi_only: "names 仅适用于 MULTI_DOMAIN 产品",
    catalogue_huawei_file: |name| {
        format!("{name}：华为云仅对纯 IP 地址证书使用文件验证，而本表单不订购此类证书；请提供 DNS 或 EMAIL")
    },
    catalogue_unknown_method: |name| format!("未知的验证方式“{name}”"),
    catalogue_method_wildcard: |name| {
        format!("{name} 验证无法证明通配符域名的控制权，请提供 DNS 或 EMAIL")
    },
    catalogue_method_twice: |name| format!("重复列出了 {name}"),
    catalogue_no_method: "未列出任何验证方式",
};
