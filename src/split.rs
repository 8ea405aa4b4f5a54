//! What the modules of the split build (scripts/split.sh) that are fetched after the first
//! have in common. Without the `split` feature every function is in the one module.

/// A module could not be fetched or instantiated (a network drop, or a 404 after a
/// redeploy). Nothing is lost: asking again fetches it again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotLoaded;

#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for NotLoaded {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        NotLoaded
    }
}
