// `sqlx::migrate!` embeds the migrations at compile time: a changed migration must rebuild.
fn main() {
    println!("cargo:rerun-if-changed=migrations");
}
