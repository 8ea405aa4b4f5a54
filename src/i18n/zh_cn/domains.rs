use crate::i18n::texts::DomainTexts;

pub const DOMAINS: DomainTexts = DomainTexts {
    name_empty: "请输入域名，例如 www.example.com",
    name_too_long: |len| format!("域名长度为 {len} 个字符，最多只能有 253 个字符"),
    name_single_label: |name| format!("“{name}”至少需要包含一个点，例如 www.example.com"),
    name_trailing_dot: "域名不能以点结尾：请删除末尾的“.”",
    name_empty_label: "域名中不能有两个连续的点",
    name_label_too_long: |part| {
        format!("“{part}”部分超过 63 个字符：点之间的每个部分最多 63 个字符")
    },
    name_hyphen_at_edge: |part| format!("“{part}”部分以连字符开头或结尾：请移动或删除该连字符"),
    name_underscore: "证书中的域名不能包含下划线：请删除“_”",
    name_bad_character: |c| format!("域名中不能包含“{c}”：只能使用字母、数字、连字符和点"),
    name_not_ascii: "请输入国际化域名的 xn--（Punycode）形式，例如 xn--bcher-kva.example",
    name_bad_top_level: |tld| format!("“{tld}”不是顶级域名：请以 .com、.org 等顶级域名结尾"),
    name_wildcard_not_allowed: "此证书不支持通配符域名：请删除“*.”，或选择通配符证书",
    name_ip_address: "此处不能使用 IP 地址：请输入域名",
    name_wildcard_shape: "通配符域名为“*.”加完整域名，例如 *.example.com：* 必须单独构成最左侧的部分",
    name_wildcard_required: "这是通配符证书：请输入 *. 加您的域名，例如 *.example.com",
    name_wildcard_on_public_suffix: |suffix| {
        format!("通配符不能直接加在“{suffix}”上，这是任何人都可以在其下注册域名的公共后缀：请在 *. 后加上您自己的域名，例如 *.example.{suffix}")
    },
    name_bad_idn: |name| {
        format!("“{name}”无法转换为国际化域名：请检查其中是否有符号或空格，或输入其 xn--（Punycode）形式")
    },
    name_bad_punycode: |name| {
        format!("“{name}”中的 xn-- 部分不是有效的 Punycode：请按平时的写法输入域名，系统会自动转换")
    },
    name_reserved_label: |part| {
        format!("“{part}”部分的第三、四个字符为“--”，只有 xn--（Punycode）部分可以这样")
    },

    removed_from_input: |pieces| {
        let quoted: Vec<String> = pieces.iter().map(|p| format!("“{p}”")).collect();
        format!(
            "已从输入内容中删除{}：证书中只包含主机名。",
            quoted.join("、")
        )
    },
    primary_not_repeated: |name| format!("{name} 是主域名，因此不会在其他域名中重复列出。"),
    repeated_removed: |names| {
        format!(
            "已删除 {} 个重复的域名：{}。",
            names.len(),
            names.join("、")
        )
    },
    will_be_sent_as: |unicode, ascii| format!("{unicode} 将以 {ascii} 的形式提交。"),
    names_in_all: |count, min, max, wildcards| {
        format!(
            "共 {count} 个域名；此证书支持 {min} 至 {max} 个域名，{}。",
            if wildcards {
                "包括通配符域名"
            } else {
                "不支持通配符域名"
            }
        )
    },

    multi_heading: "证书应包含哪些域名？",
    wildcard_hint: "* 加您的域名，例如 *.example.com：它包含 example.com 下一级的所有域名。",
    domain_hint: "用户访问网站时输入的完整域名，例如 www.example.com。它必须与您 CSR 中的通用名称（Common Name）一致。",
    other_names_hint: "每行一个域名，或用逗号、空格分隔。上面的域名已包含在内。",

    validation_intro: "您需要证明对每个域名的控制权，证书颁发机构（CA）才会签发证书。",
    method_legend: "所有域名的验证方式",
    method_label: |name| format!("{name} 的验证方式"),
    approver_label: |name| format!("{name} 的审批邮箱"),
    choose_address: "请选择邮箱地址",
    hint_dns: "下单后添加我们提供的 TXT 或 CNAME 记录。适用于所有域名，包括通配符域名。",
    hint_file: "下单后将我们提供的小文件放到网站服务器的 /.well-known/pki-validation/ 目录下。不适用于通配符域名。",
    hint_email_legacy: "旧版方式：CA/浏览器论坛规定自 2026 年 3 月 15 日起不应再使用，自 2028 年 3 月 15 日起不得使用。建议使用 DNS 验证。",
    hint_email: "CA 会将审批链接发送到您域名下的 admin@ 等邮箱。",

    choose_method: |name| format!("请选择证明 {name} 控制权的方式"),
    file_cannot_prove_wildcard: |name| {
        format!("网站服务器上的文件无法证明通配符域名 {name} 的控制权：请选择 DNS 验证或邮箱验证")
    },
    email_withdrawn: "向构造地址发送邮件的验证方式已于 2028 年 3 月 15 日停用：请选择 DNS 验证或文件验证",
    choose_approver: |name| format!("请选择 CA 审批 {name} 时发送邮件的地址"),
    approver_not_allowed: |address, name| {
        format!("{address} 不是 CA 可用于 {name} 的地址：请选择该域名或其上级域名的 admin@、administrator@、webmaster@、hostmaster@ 或 postmaster@ 地址")
    },
    auto_dns_label: "我的域名解析托管在华为云解析服务：由华为云自动添加验证记录",
    auto_dns_hint: "仅当此域名由华为云解析服务解析时才勾选。华为云将自动创建 TXT 记录，您无需手动创建；否则请在下单后添加我们显示的记录。",
};
