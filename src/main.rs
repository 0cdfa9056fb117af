fn main() {
    console_error_panic_hook::set_once();
    cloud_lab::first_screen::replace_with(|| leptos::mount::mount_to_body(cloud_lab::App));
}
