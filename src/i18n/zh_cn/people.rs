use crate::i18n::texts::PeopleTexts;

pub const PEOPLE: PeopleTexts = PeopleTexts {
    label_product: "证书",
    label_domain: "域名",
    label_other_names: "其他域名",
    label_csr: "证书签名请求（CSR）",
    label_csr_source: "您将如何提供证书签名请求（CSR）？",
    label_method: "验证方式",
    label_approver: "审批邮箱",
    label_full_name: "姓名",
    label_first_name: "名字",
    label_last_name: "姓氏",
    label_job_title: "职位",
    label_phone: "电话号码",
    label_fax: "传真号码",
    label_email: "电子邮箱地址",
    label_org_name: "组织法定名称",
    label_org_unit: "部门",
    label_org_street: "街道地址",
    label_org_city: "城市",
    label_org_state: "州/省/地区",
    label_org_postal_code: "邮政编码",
    label_org_country: "国家/地区",
    label_org_phone: "组织电话号码",
    label_org_duns: "D-U-N-S 编号",
    label_org_lei: "法人识别编码（LEI）",
    label_agreement: "隐私声明",

    contacts_intro: "证书颁发机构可能会就此申请联系此人。",
    phone_hint: "请包含国家/地区代码，例如 +44 20 7946 0958。",
    fax_hint: "GoGetSSL 要求 OV 证书订单提供传真号码。请包含国家/地区代码，例如 +44 20 7946 0958。",
    tech_differs: "由其他人担任技术联系人",
    tech_heading: "技术联系人",

    enter_contact: |whose, what| format!("请输入{whose}{what}"),
    whose_applicant: "申请人的",
    whose_tech: "技术联系人的",
    enter_contact_full_name: "姓名",
    enter_contact_first_name: "名字",
    enter_contact_last_name: "姓氏",
    enter_contact_title: "职位，例如 IT 经理",
    enter_contact_phone: "电话号码，例如 +44 20 7946 0958",
    enter_contact_fax: "传真号码，例如 +44 20 7946 0958",
    enter_contact_email: "电子邮箱地址，例如 name@example.com",

    name_empty: "请输入此订单负责人的姓名",
    name_too_long: |count, max| format!("姓名长度为 {count} 个字符，请缩短到 {max} 个字符以内"),
    phone_empty: "请输入电话号码，例如 +44 20 7946 0958",
    phone_character: |c| {
        format!("电话号码中不能包含“{c}”：请使用数字、空格、括号和连字符，开头可加 +")
    },
    phone_digits: |count, min, max| {
        format!("电话号码有 {count} 位数字，请输入 {min} 到 {max} 位数字（含国家/地区代码）")
    },
    email_empty: "请输入电子邮箱地址，例如 name@example.com",
    email_too_long: |count, max| {
        format!("电子邮箱地址长度为 {count} 个字符，最多只能有 {max} 个字符")
    },
    email_shape: "请输入只含一个 @ 的电子邮箱地址，例如 name@example.com",
    email_domain: |why| format!("电子邮箱地址中 @ 之后的部分不是有效的域名：{why}"),

    organisation_intro: "证书颁发机构会在签发证书前核对这些信息，并在证书中显示组织名称。",
    optional_suffix: "（可选）",
    org_name_hint: "须与在主管机关登记的名称一致：CA 会将其与官方记录进行核对。",
    lei_hint: "20 位字母和数字，例如 5493001KJTIIGC8Y1R12。",
    choose_a_country: "请选择国家/地区",

    enter_org_name: "请输入组织法定名称，须与登记的名称一致",
    enter_org_unit: "请输入部门",
    enter_org_street: "请输入组织的街道地址",
    enter_org_city: "请输入组织注册所在的城市",
    enter_org_state: "请输入州、省或地区",
    enter_org_postal_code: "请输入邮政编码",
    choose_country: "请选择组织注册所在的国家/地区",
    enter_org_phone: "请输入组织的电话号码，例如 +44 20 7946 0958",
    enter_org_duns: "请输入 D-U-N-S 编号",
    enter_org_lei: "请输入 LEI",
    org_too_long: |label, count, max| {
        format!("{label}长度为 {count} 个字符，请缩短到 {max} 个字符以内")
    },
    postal_code_characters: "邮政编码只能包含字母、数字、空格和连字符",
    duns_shape:
        "D-U-N-S 编号为 9 位数字，例如 15-048-3782：请在您的邓白氏（Dun & Bradstreet）记录中核对",
    lei_shape: "LEI 由 20 位字母和数字组成，例如 5493001KJTIIGC8Y1R12",
    lei_check_digits: "此 LEI 的校验位不匹配：请从您的 LEI 记录中重新复制",
    country_unknown: |code| {
        format!("请从列表中选择国家/地区；“{code}”不是 ISO 3166-1 国家/地区代码")
    },
};
