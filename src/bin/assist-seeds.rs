//! `assist-seeds DIR`: writes the fuzz seeds the core generates (`doors::generated_seeds`) as `DIR/<door>/<name>`,
//! for `./build.sh fuzz`. The seeds are made from typed answers, so a new check or a new answer is a line in
//! `src/doors.rs`, not a binary file edited by hand.

// Native only (the wasm test build compiles every binary, and the doors and ts-rs are not in the wasm).
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::io::Result<()> {
    native::main()
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use okta_anypoint_assist::doors::{generated_seeds, DOORS};

    pub fn main() -> std::io::Result<()> {
        let Some(dir) = std::env::args().nth(1) else {
            eprintln!("usage: assist-seeds DIR");
            std::process::exit(2);
        };
        for (door, _) in DOORS {
            let seeds = generated_seeds(door);
            if seeds.is_empty() {
                continue;
            }
            let folder = std::path::Path::new(&dir).join(door);
            std::fs::create_dir_all(&folder)?;
            for (name, data) in seeds {
                std::fs::write(folder.join(name), data)?;
            }
        }
        Ok(())
    }
}
