//! Entry point of the browser app: mounts the wizard, nothing else.

fn main() {
    console_error_panic_hook::set_once();
    ssl_order::embed::start();
}
