//! `--timings` CPU time, in a test binary of its own: the CPU time is the whole process's, so
//! no other test may run beside this one. No assertion here depends on how fast the machine is
//! or how loaded it is (a threshold on CPU time failed a fresh clone's run under load): the
//! figures themselves are measured by `bench/`.

use std::time::Duration;

use congkhai::Timings;

#[test]
fn every_step_has_a_cpu_time_and_the_table_shows_it() {
    if !cfg!(unix) {
        return;
    }
    let mut timings = Timings::default();
    timings.time("sleep", || std::thread::sleep(Duration::from_millis(20)));
    // A fixed amount of work (not a fixed time), so that it costs CPU time however slow the
    // machine is.
    let sum = timings.time("work", || {
        (0..5_000_000u64).fold(0u64, |x, i| std::hint::black_box(x.wrapping_add(i)))
    });
    assert_eq!(sum, (0..5_000_000u64).sum::<u64>());
    let cpu = |i: usize| timings.steps[i].cpu.expect("a CPU time on Unix");
    // Work done on this thread is counted as CPU time of its step.
    assert!(cpu(1) > Duration::ZERO, "{:?}", timings.steps[1]);
    // The table shows each step's CPU time and the cores it kept busy, and a total.
    let table = timings.render();
    for name in ["sleep", "work", "total"] {
        let line = table
            .lines()
            .find(|l| l.trim_start().starts_with(name))
            .unwrap_or_else(|| panic!("no `{name}` line in\n{table}"));
        assert!(line.contains("cpu") && line.contains("cores"), "{table}");
    }
}
