//! One bought certificate and its life: `PAID` -> (apply) -> `CHECKING` -> (delay) -> `ISSUED`.
//!
//! Pure: the time is always passed in, so the state machine is tested without sleeping.

use std::time::{Duration, Instant, SystemTime};

use axum::http::StatusCode;
use rand::Rng;
use serde::Serialize;

use super::error::{ApiError, NOT_PAID};
use super::model::{Application, DomainMethod, DomainType, PrimaryDomainType, Product, WireEnum};
use super::wall_time::format_utc;
use crate::checks::split_wildcard;

/// The Baseline Requirements cap a certificate issued after 2026-03-15 at 200 days;
/// multi-year orders are subscriptions that reissue, so one issued certificate is shorter.
const ISSUED_VALIDITY: Duration = Duration::from_secs(199 * 86_400);

const LOWER_ALNUM: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";
const LOWER_HEX: &[u8] = b"0123456789abcdef";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Paid,
    Checking,
    Issued,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Paid => "PAID",
            Self::Checking => "CHECKING",
            Self::Issued => "ISSUED",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Certificate {
    pub id: String,
    pub order_id: String,
    pub product: Product,
    review: Option<Review>,
}

/// What an accepted apply call fixed.
#[derive(Debug, Clone)]
struct Review {
    application: Application,
    /// From this instant on the certificate counts as issued.
    issues_at: Instant,
    /// The calendar time of `issues_at`, for `issue_time` and `not_before`.
    issued_wall: SystemTime,
    records: Vec<DnsRecord>,
    fingerprint: String,
}

/// A DNS record the user must create to prove control of a name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DnsRecord {
    pub record_name: String,
    pub record_type: String,
    pub record_value: String,
    pub domain: String,
}

/// The answer of `GET /v3/scm/certificates/{id}`, fields in the documentation's order.
#[derive(Debug, Clone, Serialize)]
pub struct Details {
    pub id: String,
    pub order_id: String,
    pub name: String,
    #[serde(rename = "type")]
    pub cert_type: &'static str,
    pub brand: &'static str,
    pub push_support: &'static str,
    pub revoke_reason: Option<String>,
    pub status: &'static str,
    pub signature_algorithm: Option<&'static str>,
    pub issue_time: Option<String>,
    pub not_before: Option<String>,
    pub not_after: Option<String>,
    /// Months.
    pub validity_period: u32,
    pub validation_method: Option<&'static str>,
    pub domain_type: &'static str,
    pub multi_domain_type: Option<&'static str>,
    pub domain: Option<String>,
    pub sans: Option<String>,
    pub domain_count: u32,
    pub wildcard_count: u32,
    pub fingerprint: Option<String>,
    pub enterprise_project_id: String,
    pub shared: bool,
    pub application_info: ApplicationInfo,
    pub description: Option<String>,
    pub authentification: Vec<DnsRecord>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct ApplicationInfo {
    pub country: Option<String>,
    pub company_name: Option<String>,
    pub company_province: Option<String>,
    pub company_city: Option<String>,
    pub applicant_name: Option<String>,
    pub applicant_phone: Option<String>,
    pub applicant_email: Option<String>,
    pub contact_name: Option<String>,
    pub contact_phone: Option<String>,
    pub contact_email: Option<String>,
}

impl Certificate {
    pub fn new(id: String, order_id: String, product: Product) -> Self {
        Self {
            id,
            order_id,
            product,
            review: None,
        }
    }

    pub fn status_at(&self, now: Instant) -> Status {
        match &self.review {
            None => Status::Paid,
            Some(review) if now >= review.issues_at => Status::Issued,
            Some(_) => Status::Checking,
        }
    }

    /// Only a `PAID` certificate can be applied for, and only once.
    pub fn ensure_paid(&self, now: Instant) -> Result<(), ApiError> {
        match self.status_at(now) {
            Status::Paid => Ok(()),
            status => Err(ApiError::new(
                StatusCode::BAD_REQUEST,
                NOT_PAID,
                format!(
                    "Certificate {} is {}, not PAID: it has already been applied for.",
                    self.id,
                    status.as_str()
                ),
            )),
        }
    }

    /// Records an accepted application at `now` / `wall_now` (the same moment on the
    /// monotonic and the calendar clock); it is issued `issue_delay` later.
    pub fn apply(
        &mut self,
        application: Application,
        now: Instant,
        wall_now: SystemTime,
        issue_delay: Duration,
        rng: &mut impl Rng,
    ) -> Result<(), ApiError> {
        self.ensure_paid(now)?;
        let records = if application.domain_method == DomainMethod::Dns {
            application
                .names()
                .map(|name| DnsRecord {
                    record_name: format!("_dnsauth.{}", split_wildcard(name).1),
                    record_type: "TXT".to_string(),
                    record_value: random_text(rng, LOWER_ALNUM, 48),
                    domain: name.to_string(),
                })
                .collect()
        } else {
            Vec::new()
        };
        self.review = Some(Review {
            application,
            issues_at: now + issue_delay,
            issued_wall: wall_now + issue_delay,
            records,
            fingerprint: random_text(rng, LOWER_HEX, 40),
        });
        Ok(())
    }

    pub fn details_at(&self, now: Instant) -> Details {
        let product = &self.product;
        let status = self.status_at(now);
        let review = self.review.as_ref();
        let application = review.map(|review| &review.application);
        let issued = review.filter(|_| status == Status::Issued);
        Details {
            id: self.id.clone(),
            order_id: self.order_id.clone(),
            name: format!("scm-{}", self.id),
            cert_type: product.cert_type.wire(),
            brand: product.brand.wire(),
            push_support: "OFF",
            revoke_reason: None,
            status: status.as_str(),
            signature_algorithm: issued.map(|review| {
                if review.application.key_algorithm.wire().starts_with("EC") {
                    "SHA256withECDSA"
                } else {
                    "SHA256withRSA"
                }
            }),
            issue_time: issued.map(|review| format_utc(review.issued_wall)),
            not_before: issued.map(|review| format_utc(review.issued_wall)),
            not_after: issued.map(|review| format_utc(review.issued_wall + ISSUED_VALIDITY)),
            validity_period: 12 * product.years,
            validation_method: application.map(|a| a.domain_method.wire()),
            domain_type: product.domain_type.wire(),
            multi_domain_type: self.multi_domain_type(),
            domain: application.map(|a| a.domain.clone()),
            sans: application
                .filter(|a| !a.sans.is_empty())
                .map(|a| a.sans.join(";")),
            domain_count: product.domain_numbers,
            wildcard_count: self.wildcard_count(),
            fingerprint: issued.map(|review| review.fingerprint.clone()),
            enterprise_project_id: product
                .enterprise_project_id
                .clone()
                .unwrap_or_else(|| "0".to_string()),
            shared: false,
            application_info: application.map(info).unwrap_or_default(),
            description: None,
            authentification: review.map(|r| r.records.clone()).unwrap_or_default(),
        }
    }

    fn multi_domain_type(&self) -> Option<&'static str> {
        if self.product.domain_type != DomainType::Multi {
            return None;
        }
        let wildcard_primary = match self.product.primary_domain_type {
            Some(kind) => kind == PrimaryDomainType::Wildcard,
            None => self
                .review
                .as_ref()
                .is_some_and(|review| split_wildcard(&review.application.domain).0),
        };
        Some(if wildcard_primary {
            "primary_wildcard"
        } else {
            "primary_single"
        })
    }

    /// How many wildcard names the certificate was bought for.
    fn wildcard_count(&self) -> u32 {
        let product = &self.product;
        match product.domain_type {
            DomainType::Single => 0,
            DomainType::Wildcard => 1,
            DomainType::Multi => {
                let primary = product.primary_domain_type == Some(PrimaryDomainType::Wildcard);
                product.wildcard_domain_number.unwrap_or(0) + u32::from(primary)
            }
        }
    }
}

fn info(application: &Application) -> ApplicationInfo {
    ApplicationInfo {
        country: application.country.clone(),
        company_name: application.company_name.clone(),
        company_province: application.company_province.clone(),
        company_city: application.company_city.clone(),
        applicant_name: Some(application.applicant_name.clone()),
        applicant_phone: Some(application.applicant_phone.clone()),
        applicant_email: Some(application.applicant_email.clone()),
        contact_name: application.contact_name.clone(),
        contact_phone: application.contact_phone.clone(),
        contact_email: application.contact_email.clone(),
    }
}

pub fn random_text(rng: &mut impl Rng, alphabet: &[u8], len: usize) -> String {
    (0..len)
        .map(|_| char::from(alphabet[rng.random_range(0..alphabet.len())]))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::huawei::error::NOT_PAID;
    use crate::huawei::model::{Brand, CaHashAlgorithm, CertType, KeyAlgorithm};
    use std::time::UNIX_EPOCH;

    const DELAY: Duration = Duration::from_secs(30);

    fn product(domain_type: DomainType, domain_numbers: u32) -> Product {
        Product {
            brand: Brand::GlobalSign,
            cert_type: CertType::Ov,
            domain_type,
            years: 2,
            domain_numbers,
            primary_domain_type: None,
            single_domain_number: None,
            wildcard_domain_number: None,
            enterprise_project_id: None,
        }
    }

    fn application(domain: &str, sans: &[&str], method: DomainMethod) -> Application {
        Application {
            domain: domain.to_string(),
            sans: sans.iter().map(|s| s.to_string()).collect(),
            csr: String::new(),
            company_name: Some("Example Ltd".into()),
            company_unit: None,
            company_province: Some("Sichuan".into()),
            company_city: Some("Chengdu".into()),
            country: Some("CN".into()),
            applicant_name: "Tom".into(),
            applicant_phone: "13212345678".into(),
            applicant_email: "tom@example.com".into(),
            contact_name: None,
            contact_phone: None,
            contact_email: None,
            auto_dns_auth: false,
            domain_method: method,
            key_algorithm: KeyAlgorithm::Rsa2048,
            ca_hash_algorithm: CaHashAlgorithm::Default,
        }
    }

    fn certificate(domain_type: DomainType, domain_numbers: u32) -> Certificate {
        Certificate::new(
            "scs1481110651012".into(),
            "CS1803192259ROA8U".into(),
            product(domain_type, domain_numbers),
        )
    }

    /// A certificate applied for at `t0`, calendar time 2026-03-15 00:00:00 UTC.
    fn applied(app: Application, domain_type: DomainType, n: u32) -> (Certificate, Instant) {
        let mut cert = certificate(domain_type, n);
        let t0 = Instant::now();
        let wall = UNIX_EPOCH + Duration::from_secs(1_773_532_800);
        cert.apply(app, t0, wall, DELAY, &mut rand::rng()).unwrap();
        (cert, t0)
    }

    #[test]
    fn a_bought_certificate_is_paid_until_applied_for() {
        let cert = certificate(DomainType::Single, 1);
        let later = Instant::now() + Duration::from_secs(3600);
        assert_eq!(cert.status_at(later), Status::Paid);
    }

    #[test]
    fn an_applied_certificate_is_checking_until_the_delay_has_passed() {
        let app = application("www.example.com", &[], DomainMethod::Dns);
        let (cert, t0) = applied(app, DomainType::Single, 1);
        assert_eq!(cert.status_at(t0), Status::Checking);
        assert_eq!(
            cert.status_at(t0 + DELAY - Duration::from_millis(1)),
            Status::Checking
        );
        assert_eq!(cert.status_at(t0 + DELAY), Status::Issued);
        assert_eq!(cert.status_at(t0 + DELAY * 100), Status::Issued);
    }

    #[test]
    fn a_zero_delay_issues_at_once() {
        let mut cert = certificate(DomainType::Single, 1);
        let t0 = Instant::now();
        let app = application("www.example.com", &[], DomainMethod::Dns);
        cert.apply(app, t0, SystemTime::now(), Duration::ZERO, &mut rand::rng())
            .unwrap();
        assert_eq!(cert.status_at(t0), Status::Issued);
    }

    #[test]
    fn apply_is_refused_once_checking_or_issued() {
        let app = application("www.example.com", &[], DomainMethod::Dns);
        let (mut cert, t0) = applied(app.clone(), DomainType::Single, 1);
        for now in [t0, t0 + DELAY] {
            let err = cert
                .apply(app.clone(), now, SystemTime::now(), DELAY, &mut rand::rng())
                .unwrap_err();
            assert_eq!(err.status, StatusCode::BAD_REQUEST);
            assert_eq!(err.code, NOT_PAID);
            assert!(err.msg.contains("not PAID"), "{}", err.msg);
        }
    }

    #[test]
    fn details_of_a_paid_certificate_have_nulls_and_no_records() {
        let details = certificate(DomainType::Single, 1).details_at(Instant::now());
        let json = serde_json::to_value(&details).unwrap();
        assert_eq!(json["status"], "PAID");
        assert_eq!(json["type"], "OV_SSL_CERT");
        assert_eq!(json["brand"], "GLOBALSIGN");
        assert_eq!(json["validity_period"], 24);
        for field in [
            "revoke_reason",
            "signature_algorithm",
            "issue_time",
            "not_before",
            "not_after",
            "validation_method",
            "multi_domain_type",
            "domain",
            "sans",
            "fingerprint",
            "description",
        ] {
            assert!(json[field].is_null(), "{field} = {}", json[field]);
        }
        assert_eq!(json["authentification"], serde_json::json!([]));
        assert!(json["application_info"]["applicant_name"].is_null());
    }

    #[test]
    fn dns_application_gets_one_stable_txt_record_per_name() {
        let app = application(
            "*.example.com",
            &["www.example.org", "example.net"],
            DomainMethod::Dns,
        );
        let (cert, t0) = applied(app, DomainType::Multi, 3);
        let first = cert.details_at(t0);
        assert_eq!(first.status, "CHECKING");
        assert_eq!(first.validation_method, Some("DNS"));
        assert_eq!(first.multi_domain_type, Some("primary_wildcard"));
        assert_eq!(first.sans.as_deref(), Some("www.example.org;example.net"));
        let names: Vec<(&str, &str)> = first
            .authentification
            .iter()
            .map(|r| (r.record_name.as_str(), r.domain.as_str()))
            .collect();
        assert_eq!(
            names,
            [
                ("_dnsauth.example.com", "*.example.com"),
                ("_dnsauth.www.example.org", "www.example.org"),
                ("_dnsauth.example.net", "example.net"),
            ]
        );
        for record in &first.authentification {
            assert_eq!(record.record_type, "TXT");
            assert_eq!(record.record_value.len(), 48);
            assert!(record
                .record_value
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()));
        }
        let again = cert.details_at(t0 + Duration::from_secs(1));
        assert_eq!(again.authentification, first.authentification);
    }

    #[test]
    fn email_application_has_no_dns_records() {
        let app = application("www.example.com", &[], DomainMethod::Email);
        let (cert, t0) = applied(app, DomainType::Single, 1);
        let details = cert.details_at(t0);
        assert_eq!(details.validation_method, Some("EMAIL"));
        assert!(details.authentification.is_empty());
    }

    #[test]
    fn issued_details_fill_times_fingerprint_and_algorithm() {
        let app = application("www.example.com", &[], DomainMethod::Dns);
        let (cert, t0) = applied(app, DomainType::Single, 1);
        let checking = cert.details_at(t0);
        assert!(checking.fingerprint.is_none() && checking.issue_time.is_none());
        let issued = cert.details_at(t0 + DELAY);
        assert_eq!(issued.status, "ISSUED");
        assert_eq!(issued.issue_time.as_deref(), Some("2026-03-15 00:00:30.0"));
        assert_eq!(issued.not_before, issued.issue_time);
        assert_eq!(issued.not_after.as_deref(), Some("2026-09-30 00:00:30.0"));
        assert_eq!(issued.signature_algorithm, Some("SHA256withRSA"));
        let fingerprint = issued.fingerprint.unwrap();
        assert_eq!(fingerprint.len(), 40);
        assert!(fingerprint.bytes().all(|b| b.is_ascii_hexdigit()));
        assert_eq!(issued.application_info.country.as_deref(), Some("CN"));
        assert_eq!(issued.domain.as_deref(), Some("www.example.com"));
        assert!(issued.sans.is_none());
    }

    #[test]
    fn wildcard_count_follows_what_was_bought() {
        assert_eq!(certificate(DomainType::Single, 1).wildcard_count(), 0);
        assert_eq!(certificate(DomainType::Wildcard, 1).wildcard_count(), 1);
        let mut multi = certificate(DomainType::Multi, 5);
        multi.product.primary_domain_type = Some(PrimaryDomainType::Wildcard);
        multi.product.wildcard_domain_number = Some(2);
        assert_eq!(multi.wildcard_count(), 3);
        assert_eq!(multi.multi_domain_type(), Some("primary_wildcard"));
    }
}
