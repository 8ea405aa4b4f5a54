//! `GET /tools/webservers/{type}`: the server software an order names in `webserver_type`.
//!
//! GoGetSSL keeps one list per CA family (type 1: Sectigo, type 2: the others). The sandbox
//! sells only Sectigo products, so both types answer this one list and orders are checked
//! against it.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct WebServer {
    pub id: u32,
    pub software: &'static str,
}

pub const WEBSERVERS: &[WebServer] = &[
    web(1, "AOL"),
    web(2, "Apache-SSL (Ben-SSL, not Stronghold)"),
    web(3, "Apache + mod_ssl / OpenSSL"),
    web(4, "C2Net Stronghold"),
    web(5, "Cobalt RaQ"),
    web(6, "Covalent Server Software"),
    web(7, "cPanel / WHM"),
    web(8, "H-Sphere"),
    web(9, "IBM HTTP Server"),
    web(10, "iPlanet"),
    web(11, "Java Web Server (Javasoft / Sun)"),
    web(12, "Lotus Domino"),
    web(13, "Microsoft IIS 5.x and later"),
    web(14, "nginx"),
    web(15, "Oracle"),
    web(16, "Plesk"),
    web(17, "Tomcat"),
    web(18, "Other"),
];

const fn web(id: u32, software: &'static str) -> WebServer {
    WebServer { id, software }
}

/// The list types GoGetSSL has.
pub const LIST_TYPES: [u32; 2] = [1, 2];

pub fn is_known(id: u32) -> bool {
    WEBSERVERS.iter().any(|server| server.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_run_from_one_to_eighteen_and_eighteen_is_other() {
        let ids: Vec<u32> = WEBSERVERS.iter().map(|server| server.id).collect();
        assert_eq!(ids, (1..=18).collect::<Vec<u32>>());
        assert_eq!(WEBSERVERS[17].software, "Other");
        assert!(is_known(1) && is_known(18));
        assert!(!is_known(0) && !is_known(19));
    }
}
