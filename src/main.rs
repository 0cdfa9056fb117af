fn main() {
    // Not Leptos's spawner: the app that starts it is not mounted yet.
    wasm_bindgen_futures::spawn_local(async {
        cloud_lab::preload_linked_page().await;
        cloud_lab::first_screen::replace_with(|| leptos::mount::mount_to_body(cloud_lab::App));
    });
}
