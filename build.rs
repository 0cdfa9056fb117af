// The app's linked wasm keeps its relocations, which scripts/split_wasm.py needs to cut it
// into modules. Only this package's binary: the HCL worker is not split.
fn main() {
    // Without this, cargo reruns the script (and rebuilds the app) when any file of the package changes.
    println!("cargo:rerun-if-changed=build.rs");
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo:rustc-link-arg-bins=--emit-relocs");
    }
}
