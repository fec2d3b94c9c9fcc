using System;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Presence.Benchmarks;

/// <summary>
/// Times a stretch of work on the current thread two ways: the CPU time the thread ran (Linux:
/// <c>CLOCK_THREAD_CPUTIME_ID</c>), and the wall-clock, each without the garbage collector's work. On 2 cores the
/// analysis pass runs 12 to 20 threads, so a callback's wall-clock includes the time the OS gave the others, which
/// grew with each run of a process; the thread's CPU time does not. Where the thread clock is missing,
/// <see cref="IsThreadCpu"/> is false and the CPU measure is the wall-clock less the pauses.
/// </summary>
/// <remarks>
/// The benchmark's collector is workstation and non-concurrent (the csproj, and batch latency in Program.cs): a
/// collection runs on the thread whose allocation triggered it while every other managed thread is suspended. A
/// suspended thread's CPU clock stands still, so its measure needs nothing taken out; the triggering thread's clock
/// includes the collection's work, which is what the pause took, less any time the OS gave other processes. A
/// measure that overlapped a pause therefore keeps the smaller of its CPU time and its wall-clock less the pause:
/// exact for a suspended thread; for the triggering one it overstates the own work by at most the time the thread
/// waited for a core outside the pause (it cannot tell that wait from collection work).
/// </remarks>
internal readonly struct OwnClock
{
    private const int ClockThreadCpuTime = 3; // CLOCK_THREAD_CPUTIME_ID in <time.h> (Linux)

    private readonly TimeSpan _paused;
    private readonly long _cpuNs;
    private readonly long _wall;
    private readonly long _allocated;

    private OwnClock(TimeSpan paused, long cpuNs, long wall, long allocated)
    {
        _paused = paused;
        _cpuNs = cpuNs;
        _wall = wall;
        _allocated = allocated;
    }

    /// <summary>True where the CPU measure is the thread's CPU time; false where it falls back to wall-clock less pauses.</summary>
    public static bool IsThreadCpu { get; } = Probe();

    public static string Describe => IsThreadCpu
        ? "CPU = the thread's CPU time (CLOCK_THREAD_CPUTIME_ID)"
        : "no thread CPU clock on this system: the CPU figures are the wall-clock less the collections' pauses";

    // The wall-clock is read inside the CPU clock's reads, so that it costs what it cost before the CPU clock was added.
    // The first CPU read is thrown away: after other work the kernel's path is cold and cost up to twice as much inside
    // the measured stretch, more than between the calibrating analyzer's callbacks (the floor came out above its wall-clock).
    public static OwnClock Start()
    {
        var paused = GC.GetTotalPauseDuration();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        _ = CpuNs();
        var cpu = CpuNs();
        return new OwnClock(paused, cpu, Stopwatch.GetTimestamp(), allocated);
    }

    public OwnSpan Stop()
    {
        var wall = Stopwatch.GetTimestamp();
        var cpu = CpuNs();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - _allocated;
        var pausedNs = (GC.GetTotalPauseDuration() - _paused).Ticks * 100;
        var wallNs = (long)((wall - _wall) * (1e9 / Stopwatch.Frequency));
        var ownWall = Math.Max(0, wallNs - pausedNs);
        var cpuNs = IsThreadCpu ? cpu - _cpuNs : wallNs;
        var ownCpu = pausedNs > 0 ? Math.Min(cpuNs, ownWall) : cpuNs;
        return new OwnSpan(ownCpu, ownWall, cpuNs - ownCpu, allocated);
    }

    private static long CpuNs()
    {
        if (!IsThreadCpu)
        {
            return 0;
        }

        clock_gettime(ClockThreadCpuTime, out var time);
        return time.Seconds * 1_000_000_000L + time.Nanoseconds;
    }

    private static bool Probe()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            return clock_gettime(ClockThreadCpuTime, out _) == 0;
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    // A system call of well under a microsecond that never blocks: no transition to preemptive mode is needed, which
    // takes a few tens of nanoseconds off every callback's measuring.
    [DllImport("libc", EntryPoint = "clock_gettime")]
    [SuppressGCTransition]
    private static extern int clock_gettime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}

/// <summary>
/// One measured stretch: its own CPU and wall-clock time (collections taken out), in nanoseconds, how much the
/// CPU measure took out for collections this thread ran, and the bytes the thread allocated (the callback's own
/// allocations: the driver's work around a callback, such as binding the body it is given, is outside it).
/// </summary>
internal readonly record struct OwnSpan(long CpuNs, long WallNs, long CollectionCpuNs, long AllocatedBytes);
