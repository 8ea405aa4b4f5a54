//! Review, submission, the providers' answers and the result page (see `super::Texts::submit`).

pub struct SubmitTexts {
    // --- Where to look (`Api::where_to_check`), read inside the sentences below. ---
    /// Where a Huawei Cloud customer sees whether an order went through.
    pub where_huawei: &'static str,
    /// Where a GoGetSSL customer sees whether an order went through.
    pub where_gogetssl: &'static str,
    /// Where a cPanel user sees whether an order went through.
    pub where_cpanel: &'static str,
    /// Where to look for a proxy of one's own (the generic format).
    pub where_generic: &'static str,

    // --- The providers' errors (`ProviderError`). ---
    /// Replaces a credential wherever a request is shown (review page, downloaded file).
    pub hidden_secret: &'static str,
    /// Stands for an empty answer in `unexpected_answer`.
    pub empty_body: &'static str,
    /// An answer that is neither success nor refusal; the parameter is its first characters.
    pub unexpected_answer: fn(&str) -> String,
    /// A refusal that came without a message of its own.
    pub no_message: &'static str,
    /// A provider error as shown: message, HTTP status, provider's code.
    pub error_with_code: fn(&str, u16, &str) -> String,
    /// A provider error without a code of its own: message, HTTP status.
    pub error_without_code: fn(&str, u16) -> String,
    /// Next step: the answer came from a proxy or gateway, not from the provider.
    pub next_not_the_providers: &'static str,
    /// Next step after HTTP 401.
    pub next_401: &'static str,
    /// Next step after HTTP 403.
    pub next_403: &'static str,
    /// Next step after HTTP 404.
    pub next_404: &'static str,
    /// Next step after HTTP 429.
    pub next_429: &'static str,
    /// Next step after HTTP 400.
    pub next_400: &'static str,
    /// Next step after a 5xx.
    pub next_5xx: &'static str,
    /// Next step after any other status.
    pub next_other: &'static str,
    /// Next step after GoGetSSL's code 115 (a wildcard order with a non-wildcard CSR).
    pub next_wildcard_csr: &'static str,
    /// Next step after Huawei's SCM.1005 (already applied for).
    pub next_already_applied: &'static str,
    /// Next step after an ssl-order/1 proxy refused one answer (`invalid_value` and the like).
    pub next_proxy_refused_value: &'static str,
    /// Next step after an ssl-order/1 proxy refused the format itself (`malformed_json` etc.).
    pub next_proxy_wrong_format: &'static str,
    /// Next step after the order server's validation refused answers (`invalid_order`), each
    /// shown beside its field.
    pub next_correct_marked: &'static str,
    /// Next step after the order server refused the control panel's token (`unauthorized`).
    pub next_session_expired: &'static str,
    /// Next step after the order's price was over the customer's cap (`spending_cap`).
    pub next_spending_cap: &'static str,
    /// The order server's refusal of answers, shown beside their fields; the parameter is
    /// how many.
    pub problems_found: fn(usize) -> String,

    // --- What adapters read out of answers. ---
    /// Huawei's purchase answer without a usable certificate ID; the parameter is an excerpt.
    pub no_certificate_id: fn(&str) -> String,
    /// GoGetSSL's order answer without an order ID; the parameter is an excerpt.
    pub no_order_id: fn(&str) -> String,
    /// cPanel's failure envelope with no error texts.
    pub cpanel_failed_silently: &'static str,
    /// A proxy's error message with the place in the order it is about: message, field path.
    pub error_at_field: fn(&str, &str) -> String,
    /// cPanel validating a name by DNS itself (result page, beside the name).
    pub cpanel_adds_dns: &'static str,
    /// cPanel validating a name by file itself (result page, beside the name).
    pub cpanel_places_file: &'static str,
    /// A status value the form does not know; the parameter is the provider's value.
    pub status_other: fn(&str) -> String,
    /// Status: issued (Huawei, GoGetSSL, the generic format).
    pub status_issued: &'static str,
    /// Status: expired.
    pub status_expired: &'static str,
    /// Status: cancelled.
    pub status_cancelled: &'static str,
    /// Status: rejected by the CA (GoGetSSL, the generic format).
    pub status_rejected: &'static str,
    /// Huawei PAID.
    pub huawei_paid: &'static str,
    /// Huawei CHECKING.
    pub huawei_checking: &'static str,
    /// Huawei CANCELCHECKING.
    pub huawei_cancel_checking: &'static str,
    /// Huawei UNPASSED.
    pub huawei_unpassed: &'static str,
    /// Huawei REVOKING.
    pub huawei_revoking: &'static str,
    /// Huawei REVOKED.
    pub huawei_revoked: &'static str,
    /// Huawei UPLOAD.
    pub huawei_upload: &'static str,
    /// Huawei SUPPLEMENTCHECKING.
    pub huawei_supplement_checking: &'static str,
    /// Huawei CANCELSUPPLEMENTING.
    pub huawei_cancel_supplementing: &'static str,
    /// Huawei CHECKING_ORG: the CA checks the organisation (OV, EV).
    pub huawei_checking_org: &'static str,
    /// Huawei ISSUING: validation passed, the CA is issuing.
    pub huawei_issuing: &'static str,
    /// Huawei CANCLEREVOKING (its spelling): withdrawal of a revocation request under review.
    pub huawei_cancel_revoking: &'static str,
    /// GoGetSSL processing.
    pub gogetssl_processing: &'static str,
    /// GoGetSSL pending.
    pub gogetssl_pending: &'static str,
    /// GoGetSSL new_order.
    pub gogetssl_new_order: &'static str,
    /// GoGetSSL reissue.
    pub gogetssl_reissue: &'static str,
    /// GoGetSSL incomplete.
    pub gogetssl_incomplete: &'static str,
    /// GoGetSSL unpaid.
    pub gogetssl_unpaid: &'static str,
    /// A GoGetSSL SAN's state (the "Checks" list): validated.
    pub san_validated: &'static str,
    /// A SAN's state: being validated.
    pub san_being_validated: &'static str,
    /// A SAN's state: not started.
    pub san_not_started: &'static str,
    /// A SAN's state: none given.
    pub san_unknown: &'static str,
    /// cPanel check `csrStatus` (the "Checks" list).
    pub check_csr: &'static str,
    /// cPanel check `dcvStatus`.
    pub check_dcv: &'static str,
    /// cPanel check `validationStatus`.
    pub check_validation: &'static str,
    /// cPanel check `organizationValidationStatus`.
    pub check_organisation: &'static str,
    /// cPanel check `brandValStatus`.
    pub check_brand: &'static str,
    /// cPanel check `ovCallbackStatus`.
    pub check_callback: &'static str,
    /// cPanel check `evClickThroughStatus`.
    pub check_ev_agreement: &'static str,
    /// A cPanel check's state: completed.
    pub check_done: &'static str,
    /// A cPanel check's state: not-completed.
    pub check_not_done: &'static str,
    /// A cPanel check's state: in-progress.
    pub check_in_progress: &'static str,
    /// cPanel's status: issued.
    pub cpanel_issued: &'static str,
    /// cPanel's status: nothing reported yet.
    pub cpanel_not_reported: &'static str,
    /// cPanel's status: checks still open.
    pub cpanel_validating: &'static str,
    /// Generic format pending_validation.
    pub generic_pending_validation: &'static str,
    /// Generic format processing.
    pub generic_processing: &'static str,
    /// Generic format unknown: the provider's answer was lost after the order went out.
    pub generic_unknown: &'static str,

    // --- Transport. ---
    /// No answer in time; the parameter is the timeout in seconds.
    pub timed_out: fn(u32) -> String,
    /// No connection; the parameter is the browser's own detail.
    pub unreachable: fn(&str) -> String,

    // --- Submitting (busy texts and failures under the review page's button). ---
    /// What Huawei's first request does, inside `check_earlier_first` and `not_confirmed`.
    pub noun_purchase: &'static str,
    /// What the other APIs' request does, inside the same sentences.
    pub noun_order: &'static str,
    /// Failure heading before a second attempt at a doubtful order; the parameter is a noun.
    pub check_earlier_first: fn(&str) -> String,
    /// Why: the earlier attempt got no answer.
    pub earlier_no_answer: &'static str,
    /// What to do; the parameter is a `where_*` text.
    pub look_then_tick: fn(&str) -> String,
    /// Next step when the same idempotency key will be sent again.
    pub same_key: &'static str,
    /// Next step when an order without a key got no answer; the parameter is a `where_*` text.
    pub may_have_received: fn(&str) -> String,
    /// Failure heading when the outcome is unknown; the parameter is a noun.
    pub not_confirmed: fn(&str) -> String,
    /// Failure heading when the provider refused the order.
    pub not_accepted: &'static str,
    /// A next step, then the reminder to check first: next step, a `where_*` text.
    pub may_still_have_placed: fn(&str, &str) -> String,
    /// Busy text: placing the order.
    pub placing: &'static str,
    /// Busy text: buying (Huawei).
    pub buying: &'static str,
    /// Busy text: applying (Huawei).
    pub applying: &'static str,
    /// Busy text after a failed attempt: what is being done, this attempt's number, all attempts.
    pub retrying: fn(&str, u32, u32) -> String,
    /// Busy text while the order server is still working on an earlier attempt; the
    /// parameter is what is being done.
    pub waiting_for_first: fn(&str) -> String,
    /// Failure heading: the order server was still working on the first attempt.
    pub still_in_progress: &'static str,
    /// Why.
    pub still_in_progress_why: &'static str,
    /// What to do.
    pub still_in_progress_next: &'static str,
    /// Failure heading when Huawei refused the purchase.
    pub not_sold: &'static str,
    /// Failure heading: the saved certificate ID cannot be used.
    pub saved_id_invalid: &'static str,
    /// Why; the parameter is the saved ID.
    pub saved_id_why: fn(&str) -> String,
    /// What to do about an invalid saved ID.
    pub saved_id_next: &'static str,
    /// Failure heading: paid, application refused; the parameter is the certificate ID.
    pub apply_refused: fn(&str) -> String,
    /// Failure heading: paid, application not sent; the parameter is the certificate ID.
    pub apply_not_sent: fn(&str) -> String,
    /// Next step after the application could not be sent.
    pub apply_again: &'static str,

    // --- The review page. ---
    /// An answer not given (the CSR's Common Name).
    pub not_given: &'static str,
    /// An answer not chosen (product, validation method).
    pub not_chosen: &'static str,
    /// A name with its Unicode form: the name as sent, the Unicode form.
    pub name_with_unicode: fn(&str, &str) -> String,
    /// A validation method with its approver address: method, address.
    pub method_with_approver: fn(&str, &str) -> String,
    /// One name's validation: name, method.
    pub name_and_method: fn(&str, &str) -> String,
    /// Review row: the product.
    pub row_certificate: &'static str,
    /// Review row: the names.
    pub row_domains: &'static str,
    /// Review row: the CSR's Common Name.
    pub row_common_name: &'static str,
    /// Review row: the validation methods.
    pub row_validation: &'static str,
    /// Review row: how the CSR is provided.
    pub row_csr_source: &'static str,
    /// Review answer: Huawei makes the key pair; the parameter is the key type.
    pub review_provider_key: fn(&str) -> String,
    /// Review answer, beside DNS validation: Huawei adds the records to its Cloud DNS.
    pub review_auto_dns: &'static str,
    /// Result page, for each name: Huawei adds the DNS validation record itself.
    pub huawei_adds_dns: &'static str,
    /// Review row: the applicant.
    pub row_applicant: &'static str,
    /// Review row: the technical contact.
    pub row_tech: &'static str,
    /// Review row: the organisation.
    pub row_organisation: &'static str,
    /// The technical contact when it is the applicant.
    pub same_as_applicant: &'static str,
    /// The applicant's fax number, a line of the applicant's review row (GoGetSSL OV).
    pub review_fax: fn(&str) -> String,
    /// The Change link of a review row.
    pub change: &'static str,
    /// After "Change", for screen readers only: the row's label.
    pub change_what: fn(&str) -> String,
    /// Title of Huawei's buy request.
    pub request_buy: &'static str,
    /// Title of Huawei's apply request.
    pub request_apply: &'static str,
    /// Title of the one order request of the other APIs.
    pub request_order: &'static str,
    /// Submit button: apply for a certificate already paid for (Huawei).
    pub submit_apply: &'static str,
    /// Submit button: buy and apply (Huawei).
    pub submit_buy_and_apply: &'static str,
    /// Submit button of the other APIs.
    pub submit_order: &'static str,
    /// Notice of a certificate already paid for; the parameter is its ID.
    pub already_paid: fn(&str) -> String,
    /// The same with its order: certificate ID, order ID.
    pub already_paid_order: fn(&str, &str) -> String,
    /// Heading of the notice of an earlier order in doubt.
    pub doubt_heading: &'static str,
    /// Its text; the parameter is a `where_*` text.
    pub doubt_body: fn(&str) -> String,
    /// Its checkbox for Huawei.
    pub doubt_confirm_purchase: &'static str,
    /// Its checkbox for the other APIs.
    pub doubt_confirm_order: &'static str,
    /// Opens the requests as they will be sent.
    pub see_requests: &'static str,
    /// aria-label of a request's Copy button; the parameter is its title.
    pub copy_request_label: fn(&str) -> String,
    /// What was copied (read inside "Copied …."); the parameter is the request's title.
    pub copied_request: fn(&str) -> String,
    /// A Copy button.
    pub copy: &'static str,
    /// The download button of all the requests; the parameter is the file's name.
    pub download_file: fn(&str) -> String,
    /// In place of the requests while answers are missing.
    pub complete_answers: &'static str,
    /// The privacy agreement's checkbox.
    pub agreement: &'static str,
    /// Refusing a typed certificate ID (Huawei).
    pub cert_id_invalid: &'static str,
    /// Opens the form to apply for a certificate bought earlier.
    pub resume_summary: &'static str,
    /// Label of the certificate ID.
    pub cert_id: &'static str,
    /// Hint under it.
    pub cert_id_hint: &'static str,
    /// Button that takes the typed certificate ID.
    pub use_cert: &'static str,
    /// GoGetSSL's dry run accepted the order; the parameter is its cost.
    pub check_ok_cost: fn(&str) -> String,
    /// GoGetSSL's dry run accepted the order, without a cost.
    pub check_ok: &'static str,
    /// GoGetSSL's dry run refused the order; the parameter is the provider error.
    pub check_refused: fn(&str) -> String,
    /// The dry run got no answer; the parameter is the transport error.
    pub check_failed: fn(&str) -> String,
    /// The dry run's button.
    pub check_button: &'static str,
    /// While the dry run is under way.
    pub checking_gogetssl: &'static str,

    // --- The result page. ---
    /// A failed status check: error, next step.
    pub error_and_next: fn(&str, &str) -> String,
    /// Warning after a failed status check; the parameter is `error_and_next` or a transport error.
    pub status_check_failed: fn(&str) -> String,
    // --- Sending without a random order key, the status checks stopping, validation done.
    // ---
    /// Refusal to send: the browser could make no random order key (generic format).
    pub no_key_summary: &'static str,
    /// Why a random key is needed.
    pub no_key_detail: &'static str,
    /// What to do instead.
    pub no_key_next: &'static str,
    /// The status check answered 404: the parameter is where to look (`Api::where_to_check`).
    pub status_unknown_order: fn(&str) -> String,
    /// The status check was refused (another 4xx): the parameter is `error_and_next`.
    pub status_refused: fn(&str) -> String,
    /// Status when the checks stopped on a refusal before any status was read.
    pub status_unknown: &'static str,
    /// The button that checks the status once more after the checks stopped.
    pub check_again: &'static str,
    /// Heading that replaces `to_do_now` once the certificate is issued.
    pub validation_done: &'static str,
    /// Under `validation_done`.
    pub validation_done_body: &'static str,
    /// The summary of the details element that keeps the steps taken.
    pub validation_steps_taken: &'static str,
    /// Heading of what follows issuance.
    pub next_heading: &'static str,
    /// What follows issuance; the parameter is where (`Api::where_to_check`).
    pub next_download: fn(&str) -> String,
    /// The same where the provider made the key pair and holds the private key.
    pub next_download_with_key: fn(&str) -> String,
    /// Above the approvers of a multi-domain order: every name must be approved.
    pub email_intro_each: &'static str,
    /// Status while the first check is under way.
    pub status_checking: &'static str,
    /// Status when there is nothing to check it by.
    pub status_no_id: &'static str,
    /// Label of cPanel's order item ID.
    pub order_item_id: &'static str,
    /// Heading after Huawei's application.
    pub application_sent: &'static str,
    /// Heading after the other APIs' order.
    pub order_placed: &'static str,
    /// Label of the order ID.
    pub order_id: &'static str,
    /// In place of an order ID the provider did not give.
    pub order_id_not_given: &'static str,
    /// Label of the amount charged.
    pub amount: &'static str,
    /// Label of the status.
    pub status: &'static str,
    /// When the status was last read, still polling; the parameter is the local time.
    pub last_checked_polling: fn(&str) -> String,
    /// When the status was last read, polling over; the parameter is the local time.
    pub last_checked: fn(&str) -> String,
    /// Heading of the checkout notice (cPanel).
    pub pay_heading: &'static str,
    /// Text of the checkout notice.
    pub pay_body: &'static str,
    /// Link to the checkout.
    pub go_to_checkout: &'static str,
    /// Checkout notice when cPanel's answer named a checkout address that is not a safe
    /// link (not https, or a script): it is not shown.
    pub checkout_unsafe_cpanel: &'static str,
    /// The same for any other API (the generic format's proxy).
    pub checkout_unsafe_other: &'static str,
    /// Heading of the checks the provider reports apart.
    pub checks: &'static str,
    /// Button that starts another order.
    pub start_new_order: &'static str,
    /// Heading of the validation instructions.
    pub to_do_now: &'static str,
    /// Above the DNS records.
    pub dns_intro: &'static str,
    /// Caption of the DNS table (screen readers only).
    pub dns_caption: &'static str,
    /// DNS table column: name.
    pub dns_name: &'static str,
    /// DNS table column: type.
    pub dns_type: &'static str,
    /// DNS table column: value.
    pub dns_value: &'static str,
    /// What was copied (read inside "Copied …."); the parameter is the record's name.
    pub copied_name: fn(&str) -> String,
    /// What was copied (read inside "Copied …."); the parameter is the record's name.
    pub copied_value: fn(&str) -> String,
    /// aria-label of the name's Copy button; the parameter is the record's name.
    pub copy_name_label: fn(&str) -> String,
    /// aria-label of the value's Copy button; the parameter is the record's name.
    pub copy_value_label: fn(&str) -> String,
    /// Above the validation files.
    pub file_intro: &'static str,
    /// What was copied (read inside "Copied …."); the parameter is the file's name.
    pub copied_content: fn(&str) -> String,
    /// Said after a validation file's download; the parameter is its name.
    pub downloaded: fn(&str) -> String,
    /// aria-label of a file's Copy button; the parameter is the file's name.
    pub copy_content_label: fn(&str) -> String,
    /// The file's Copy button.
    pub copy_content: &'static str,
    /// Above the approver addresses.
    pub email_intro: &'static str,
    /// Between a name and what is to be done for it ("shop.example.com: …").
    pub name_separator: &'static str,
}
