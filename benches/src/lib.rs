//! Benchmarks of copydesk's hot paths, side by side with the Rust peers that
//! do the same jobs and with the physical bounds of each job.
//!
//! The criterion benches (`cargo bench -p copydesk-benches`) and the timing
//! binary behind `cargo xtask bench` share everything here: the input sets
//! ([`inputs`]), who is timed on each stage ([`contenders`]), what copydesk's
//! output must look like before its speed counts ([`checks`]) and how a run
//! is timed ([`timing`]). The timing binary also runs the `copydesk` binary
//! end to end on the same pages ([`binary`]).
//!
//! ```no_run
//! use copydesk_benches::{Inputs, Size, Stage, Tools, checks, contenders};
//!
//! let inputs = Inputs::load(Size::Small)?;
//! let tools = Tools::new();
//! let set = Stage::Segment.input(&inputs);
//! println!("{:?}", checks::verify(Stage::Segment, &tools, set));
//! for contender in contenders::of(Stage::Segment) {
//!     println!("{}: {}", contender.tool, contender.run(&tools, set));
//! }
//! # Ok::<(), anyhow::Error>(())
//! ```

pub mod binary;
pub mod checks;
pub mod contenders;
pub mod inputs;
pub mod render;
pub mod timing;

pub use contenders::{Kind, Stage, Tools};
pub use inputs::{Inputs, Size};
