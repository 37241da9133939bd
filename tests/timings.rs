//! `--timings` CPU time, in a test binary of its own: the CPU time is the whole process's, so
//! no other test may run beside this one.

use std::time::Duration;

use congkhai::Timings;

#[test]
fn a_waiting_step_takes_no_cpu_time_and_a_busy_one_does() {
    if !cfg!(unix) {
        return;
    }
    let mut timings = Timings::default();
    timings.time("sleep", || std::thread::sleep(Duration::from_millis(200)));
    timings.time("spin", || {
        let until = std::time::Instant::now() + Duration::from_millis(200);
        let mut x = 0u64;
        while std::time::Instant::now() < until {
            x = std::hint::black_box(x.wrapping_add(1));
        }
    });
    let cpu = |i: usize| timings.steps[i].cpu.unwrap();
    assert!(
        cpu(0) < Duration::from_millis(50),
        "sleeping took {:?}",
        cpu(0)
    );
    assert!(
        cpu(1) > cpu(0) + Duration::from_millis(50),
        "spinning took {:?}",
        cpu(1)
    );
    // The table shows each step's CPU time and the cores it kept busy.
    let table = timings.render();
    let spin = table.lines().find(|l| l.contains("spin")).unwrap();
    assert!(spin.contains("cpu") && spin.contains("cores"), "{table}");
}
