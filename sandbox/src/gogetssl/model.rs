//! What an `add_ssl_order` request carries once validated: all the answers need.

use super::dcv::DcvChoice;
use super::products::Product;

#[derive(Debug, Clone, PartialEq)]
pub struct OrderRequest {
    pub product: &'static Product,
    /// Months.
    pub period: u32,
    /// The product's price for `period`.
    pub price_cents: u32,
    /// The primary name: the CSR's Common Name.
    pub domain: String,
    /// How the primary name is validated (`dcv_method`, `approver_email`).
    pub dcv: DcvChoice,
    /// The additional names (`dns_names`) with their validation (`approver_emails`), in order.
    pub sans: Vec<San>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct San {
    pub name: String,
    pub dcv: DcvChoice,
}
