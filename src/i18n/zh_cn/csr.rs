use crate::i18n::texts::CsrTexts;

/// "该域名" for one, "这些域名" for more.
fn this_or_these(count: usize) -> &'static str {
    if count == 1 {
        "该域名"
    } else {
        "这些域名"
    }
}

pub const CSR: CsrTexts = CsrTexts {
    error_empty: "请粘贴证书签名请求（CSR）：即从 -----BEGIN CERTIFICATE REQUEST----- 到 -----END CERTIFICATE REQUEST----- 的全部文本",
    error_private_key: "这是私钥，不是 CSR。它已被清除，未被保存或发送。请妥善保管私钥，改为粘贴用它生成的 CSR",
    error_certificate: "这是证书，不是证书签名请求（CSR）。请粘贴以 -----BEGIN CERTIFICATE REQUEST----- 开头的 CSR",
    error_not_pem: "这不是 PEM 格式的 CSR：请粘贴完整的内容，包括 -----BEGIN CERTIFICATE REQUEST----- 和 -----END CERTIFICATE REQUEST----- 这两行",
    error_wrong_label: |label| {
        format!("此 PEM 块的标签是“{label}”，不是 CERTIFICATE REQUEST：请改为粘贴 CSR")
    },
    error_truncated: "CSR 缺少 -----END CERTIFICATE REQUEST----- 行：内容可能不完整，请重新粘贴完整的 CSR",
    error_base64: "CSR 文本已损坏（不是有效的 base64）：请按生成时的原样重新粘贴",
    error_der: "无法读取 CSR：内容已损坏、不完整，或不是证书签名请求。请按生成时的原样重新粘贴，或重新生成",
    error_too_long: |len, max| {
        format!("CSR 长度为 {len} 个字符，服务商最多接受 {max} 个字符。请生成更短的 CSR（减少域名，或使用 EC 密钥）")
    },
    error_no_common_name: "CSR 中没有通用名称（CN）。请重新生成以域名作为通用名称的 CSR",
    error_weak_rsa: |bits| {
        format!("CSR 的 RSA 密钥为 {bits} 位，证书颁发机构要求至少 2048 位。请生成 2048 位或以上的新密钥（或 EC P-256 密钥），并用它生成 CSR")
    },
    error_odd_rsa: |bits| {
        format!("CSR 的 RSA 密钥为 {bits} 位，不是 8 的倍数，证书颁发机构不接受此类密钥。请生成 2048、3072 或 4096 位的新密钥")
    },
    error_unsupported_key: |key| {
        format!("CSR 的密钥使用 {key}，证书颁发机构不接受。请生成新密钥：2048 位或以上的 RSA，或 P-256、P-384 曲线的 EC 密钥")
    },
    error_broken_hash: |hash| {
        format!("CSR 使用 {hash} 签名，该算法已不安全，证书颁发机构不接受。请使用 SHA-256 重新生成（openssl req -sha256）")
    },
    error_unsupported_signature: |algorithm| {
        format!("CSR 使用 {algorithm} 签名，证书颁发机构不接受。请使用 SHA-256 和 RSA 或 EC 密钥重新生成")
    },
    error_signature_key_mismatch: "CSR 的签名所用密钥类型与其包含的密钥不同：CSR 已损坏。请重新生成 CSR",
    error_mismatch: |wanted, found| {
        format!("此 CSR 用于 {found}，而不是 {wanted}。请为 {wanted} 生成 CSR，或修改域名使其一致")
    },
    error_bad_signature: "CSR 的签名与其内容不符：生成后已被修改或损坏。请按生成时的原样重新粘贴，或重新生成",
    error_not_wildcard: |common_name| {
        format!("这是通配符证书，但 CSR 的通用名称是 {common_name}。请生成通用名称为通配符域名（如 *.example.com）的 CSR")
    },
    warning_p521: "密钥使用 P-521 曲线：Baseline Requirements 允许此曲线，但部分根证书计划（如 Mozilla）不允许，因此部分 CA 会拒绝。P-256 或 P-384 更稳妥",
    note_not_in_csr: |names, count| {
        format!(
            "CSR 中没有：{names}。订单仍会申请{}；部分 CA 只读取 CSR 中的域名，因此 CSR 列出全部域名最稳妥。",
            this_or_these(count)
        )
    },
    note_extra_in_csr: |names, count| {
        format!(
            "CSR 还包含 {names}，但订单中没有：证书将不包含{}。",
            this_or_these(count)
        )
    },

    key_rsa: |bits| format!("RSA {bits} 位"),
    key_unknown: |oid| format!("未知的密钥类型（{oid}）"),
    curve_other: |oid| format!("曲线 {oid}"),
    curve_explicit_parameters: "显式参数",
    signature_rsa: |hash| format!("RSA（{hash}）"),
    signature_ecdsa: |hash| format!("ECDSA（{hash}）"),
    signature_unknown: |oid| format!("未知的算法（{oid}）"),

    key_kind_rsa_2048: "RSA 2048 位",
    key_kind_rsa_3072: "RSA 3072 位",
    key_kind_rsa_4096: "RSA 4096 位",
    build_no_common_name: "请先输入域名：它将作为 CSR 的通用名称",
    build_too_long: |part, len, max| {
        format!("{part}长度为 {len} 个字符，证书中最多 {max} 个字符")
    },
    build_country: |country| {
        format!("国家/地区必须是两个字母的代码（如 CN），而不是“{country}”")
    },
    build_dns_name: |name| {
        format!("{name} 无法写入 CSR：域名必须为 ASCII（xn--）格式")
    },
    build_public_key: "无法读取浏览器生成的公钥",
    build_signature_length: |kind, len, expected| {
        format!("浏览器生成的签名为 {len} 字节，而 {kind} 签名应为 {expected} 字节")
    },
    build_encoding: "无法编码 CSR",
    part_common_name_domain: "通用名称（即域名）",
    part_state: "省/州",
    part_locality: "城市",
    part_organisation: "组织名称",

    keygen_unavailable: "此浏览器在本页面上不提供 Web Cryptography（需要 HTTPS 或 localhost）。请改为在服务器上生成密钥和 CSR，然后粘贴 CSR",
    keygen_browser: |step, message| format!("浏览器无法{step}：{message}"),
    step_make_key_pair: "生成密钥对",
    step_sign: "签名 CSR",
    step_download: "提供文件下载",
    step_copy: "复制文本",
    step_export_public_key: "导出公钥",
    step_export_private_key: "导出私钥",
    no_clipboard: "此页面无法访问剪贴板，请选中文本后手动复制",
    no_bytes: "未返回任何数据",
    no_page_body: "页面没有 body",
    unknown_error: "未知错误",
    copied: |what| format!("已复制{what}。"),

    intro_before_command: "请在您的服务器上生成 CSR（例如使用 ",
    intro_after_command: "），将私钥保留在服务器上，只在此处粘贴 CSR。",
    private_key_pasted: "您粘贴的是私钥。它已从页面中移除，未被保存或发送。请妥善保管私钥，改为粘贴证书签名请求（CSR）。",
    paste_hint: "请粘贴从 -----BEGIN CERTIFICATE REQUEST----- 到 -----END CERTIFICATE REQUEST----- 的全部内容。",
    row_common_name: "通用名称",
    row_other_names: "其他域名",
    row_none: "无",
    row_key: "密钥",
    row_signed_with: "签名算法",
    row_organisation: "组织",
    row_department: "部门",
    row_locality: "城市",
    row_state: "省/州",
    row_country: "国家/地区",
    row_email: "电子邮箱地址",
    row_signature: "签名",
    signature_verified: "已验证：CSR 完整无误",
    signature_failed: "验证未通过",
    signature_unchecked: "此浏览器未检查",
    use_csr_names: "将 CSR 中的域名用于订单",
    use_csr_organisation: "使用 CSR 中的组织信息",

    leave_warning: "本页面生成的私钥尚未保存。离开后将无法找回。",
    names_first: "请先输入域名：返回“域名”步骤，然后再在此处生成 CSR。",
    key_downloaded: |file| {
        format!("私钥已下载为 {file}。请妥善保管该文件，将其放在使用该证书的服务器上。")
    },
    key_copied: "私钥已复制。请立即将其粘贴到使用该证书的服务器上的文件中，并妥善保管。",
    hint_p256: "推荐：体积小、速度快，当前所有浏览器和 CA 均支持。",
    hint_p384: "更大的曲线，速度稍慢。",
    hint_rsa_2048: "适用于不支持 ECDSA 密钥的旧软件。",
    hint_rsa_larger: "更大的 RSA 密钥：生成和使用都较慢。",
    generated_too_long: |len, max| {
        format!("CSR 长度为 {len} 个字符，服务商最多接受 {max} 个字符。请选择 ECDSA 密钥，生成的 CSR 更短。")
    },
    generating: "正在生成…",
    generated: "已生成密钥对和 CSR：CSR 已填入 CSR 字段。",
    generate_heading: "在此浏览器中生成密钥和 CSR",
    generate_intro: "浏览器使用其内置的 Web Cryptography 生成密钥对，并为本订单的域名生成 CSR。私钥不会被保存或发送到任何地方：请在此处下载或复制。",
    organisation_later: "组织信息将在后续步骤中填写，因此此 CSR 只包含域名。CA 会从订单中获取组织信息；如需在 CSR 中也包含组织信息，请先填写“组织”步骤，再返回此处生成。",
    key_type: "密钥类型",
    generate_button: "生成密钥和 CSR",
    save_key_now: "请立即保存私钥。",
    save_key_now_rest: "私钥仅存在于此页面：它未被保存或发送到任何地方，离开此步骤或关闭页面后即会丢失。没有私钥将无法使用证书。请妥善保管。",
    private_key_label: "私钥（PKCS#8）",
    download_key: "下载私钥",
    copy_key: "复制私钥",
    csr_replaced: "CSR 字段中已不是用此密钥生成的 CSR。请重新生成，或将该 CSR 放回。",
    choose_source: "请选择提供证书签名请求（CSR）的方式",
    provider_key_not_offered: "此服务商无法代为生成密钥对：请在此生成 CSR 或粘贴 CSR",
    generate_first: "请使用下方按钮生成密钥对和 CSR，或选择其他方式提供 CSR",
    source_generate: "在此生成（推荐）",
    source_generate_hint: "由您的浏览器生成密钥对，并为本订单的域名生成 CSR。私钥由您保管：请在此下载或复制。",
    source_paste: "粘贴在其他地方生成的 CSR",
    source_paste_hint: "您在自己的服务器上生成的 CSR。私钥保留在服务器上。",
    source_provider: "由华为云生成密钥对",
    source_provider_hint: "无需 CSR。私钥将由华为云保管；您可以在华为云控制台中将其与证书一起导出。",
    title_generate: "生成密钥对和 CSR",
    title_paste: "粘贴您的证书签名请求（CSR）",
    title_provider: "由华为云生成密钥对",
    provider_key_intro: "华为云将为本订单的域名生成密钥对和 CSR，因此无需粘贴任何内容。私钥将由华为云保管，而不是由您保管：证书签发后，请在华为云控制台（SSL 证书管理）中将证书连同私钥一起导出。",
    provider_key_type: "华为云生成的密钥类型",
    provider_key_default: "华为云的默认值。",
    generated_field_hint: "上方生成的 CSR 会填入此处。",
};
