//! Entry point of the browser app: mounts the wizard, nothing else.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(ssl_order::ui::App);
}
