//! The client progenitor generates from openapi.yaml (see build.rs).
include!(concat!(env!("OUT_DIR"), "/codegen.rs"));
