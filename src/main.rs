fn main() {
    console_error_panic_hook::set_once();
    cloud_lab::first_screen::after_painted(|| {
        leptos::mount::mount_to_body(cloud_lab::App);
        cloud_lab::first_screen::remove();
    });
}
