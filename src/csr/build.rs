//! Building a PKCS#10 certification request from the order's names (filled in by issue 4).
