using System;
using System.Runtime.InteropServices;

namespace NatDsl.Benchmarks;

/// <summary>
/// The CPU time of this process (all threads), with nanosecond resolution. On a loaded machine
/// wall time measures the neighbours as much as the code; CPU time measures the code.
/// </summary>
public static class CpuClock
{
    private const int ClockProcessCpuTimeId = 2;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime", SetLastError = true)]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    /// <summary>Process CPU time in seconds.</summary>
    public static double Now()
    {
        if (OperatingSystem.IsLinux() && ClockGetTime(ClockProcessCpuTimeId, out var t) == 0) return t.Seconds + (t.Nanoseconds / 1e9);
        return System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
    }
}
