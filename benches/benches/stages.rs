//! Criterion benches of every hot path, with the Rust peers and the
//! physical bounds in the same group: `cargo bench -p copydesk-benches`.
//!
//! Each group first checks copydesk's output on the whole input set (counts
//! of sentences, quotes, figures, kept text: see `checks`) and that every
//! other contender produces something, and panics when not, so a broken
//! path cannot look fast (this runs in `--test` mode too, as CI does:
//! `cargo bench --workspace -- --test`).

use copydesk_benches::{Inputs, Size, Stage, Tools, checks, contenders};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn stages(c: &mut Criterion) {
    let inputs = Inputs::load(Size::Small).expect("loading the input sets");
    let tools = Tools::new();
    for stage in Stage::ALL {
        let set = stage.input(&inputs);
        if let Err(why) = checks::verify(stage, &tools, set) {
            panic!("{}: copydesk's output on {} ({}) is wrong: {why}", stage.name(), set.name, set.source);
        }
        let mut group = c.benchmark_group(stage.name());
        group.throughput(Throughput::Bytes(set.bytes()));
        group.sample_size(10);
        for contender in contenders::of(stage) {
            let output = contender.run(&tools, set);
            assert!(output > 0, "{}: {} produced nothing on {}", stage.name(), contender.tool, set.name);
            group.bench_function(contender.tool, |b| b.iter(|| contender.run(&tools, set)));
        }
        group.finish();
    }
}

criterion_group!(benches, stages);
criterion_main!(benches);
