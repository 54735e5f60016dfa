// Generates the client from openapi.yaml beside Cargo.toml into OUT_DIR/codegen.rs, which
// src/lib.rs includes: progenitor's `build.rs` way, with its default settings (positional
// arguments, one `Client` for every tag).
use std::{env, fs, path::Path};

fn main() {
    let src = "openapi.yaml";
    println!("cargo:rerun-if-changed={src}");
    let file = fs::File::open(src).expect("openapi.yaml beside Cargo.toml");
    let spec = serde_yaml::from_reader(file).expect("an OpenAPI 3.0 document");
    let mut generator = progenitor::Generator::default();
    let tokens = generator.generate_tokens(&spec).expect("a client of the description");
    let ast = syn::parse2(tokens).expect("Rust code");
    let content = prettyplease::unparse(&ast);
    fs::write(Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).join("codegen.rs"), content).expect("codegen.rs written");
}
