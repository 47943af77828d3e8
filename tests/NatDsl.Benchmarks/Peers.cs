using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;

namespace NatDsl.Benchmarks;

/// <summary>The outside programs measured beside NatDsl: real iptables and Perl's IPTables::Parse.</summary>
public static class Peers
{
    /// <summary>Why real iptables cannot run here, or null.</summary>
    public static string? IptablesUnavailable()
    {
        if (!OperatingSystem.IsLinux()) return "not Linux";
        var id = Shell.Run("id", "-u");
        if (id.Output.Trim() != "0") return "not root (a network namespace needs root)";
        if (Shell.Run("sh", "-c", "command -v iptables-legacy-restore && command -v iptables-nft-restore && command -v ip").ExitCode != 0)
        {
            return "iptables-legacy-restore, iptables-nft-restore or ip is not installed";
        }
        return null;
    }

    /// <summary>Why the Perl peer cannot run here, or null.</summary>
    public static string? PerlUnavailable()
    {
        if (Shell.Run("perl", "-MIPTables::Parse", "-e", "1").ExitCode != 0) return "Perl's IPTables::Parse is not installed (apt-get install -y libiptables-parse-perl)";
        return null;
    }

    /// <summary><c>iptables-legacy-restore --test FILE</c> inside <paramref name="ns"/>: wall and CPU seconds.</summary>
    public static (double Wall, double Cpu) RestoreTest(NetworkNamespace ns, string file) =>
        ns.Time("iptables-legacy-restore", "--test", file);

    /// <summary>The Perl parser on a listing: wall and CPU seconds inside IPTables::Parse, and its counts.</summary>
    public static (double Wall, double Cpu, string Counts) PerlParse(string listing, string table)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "iptables-parse.pl");
        var scratch = Path.Combine(Path.GetTempPath(), "natdsl-bench-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + ".chain");
        var r = Shell.Run("perl", script, listing, table, scratch);
        if (r.ExitCode != 0) throw new InvalidOperationException("iptables-parse.pl failed: " + r.Output + r.Error);
        double wall = double.NaN, cpu = double.NaN;
        var counts = string.Empty;
        foreach (var part in r.Output.Trim().Split(' '))
        {
            if (part.StartsWith("wall=", StringComparison.Ordinal)) wall = double.Parse(part.Substring(5), CultureInfo.InvariantCulture);
            else if (part.StartsWith("cpu=", StringComparison.Ordinal)) cpu = double.Parse(part.Substring(4), CultureInfo.InvariantCulture);
            else counts += (counts.Length > 0 ? " " : string.Empty) + part;
        }
        return (wall, cpu, counts);
    }
}

/// <summary>A network namespace made for the benchmark run, deleted when disposed.</summary>
public sealed class NetworkNamespace : IDisposable
{
    private static int _counter;

    public NetworkNamespace(string purpose)
    {
        Name = "natdsl-bench-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "-" + purpose + "-" + (++_counter).ToString(CultureInfo.InvariantCulture);
        var r = Shell.Run("ip", "netns", "add", Name);
        if (r.ExitCode != 0) throw new InvalidOperationException("ip netns add failed: " + r.Error);
    }

    public string Name { get; }

    /// <summary>Runs a program in the namespace and returns its wall and CPU (user + system, children included) seconds; throws when it fails.</summary>
    public (double Wall, double Cpu) Time(string program, params string[] arguments)
    {
        var args = new System.Collections.Generic.List<string> { "netns", "exec", Name, "bash", "-c", "TIMEFORMAT='TIME %3R %3U %3S'; time \"$@\" >/dev/null 2>/tmp/natdsl-bench-err-$$ || { cat /tmp/natdsl-bench-err-$$; rm -f /tmp/natdsl-bench-err-$$; exit 1; }; rm -f /tmp/natdsl-bench-err-$$", "bash", program };
        args.AddRange(arguments);
        var r = Shell.Run("ip", args.ToArray());
        if (r.ExitCode != 0) throw new InvalidOperationException(program + " " + string.Join(" ", arguments) + " failed: " + r.Output + r.Error);
        foreach (var line in r.Error.Split('\n'))
        {
            if (!line.StartsWith("TIME ", StringComparison.Ordinal)) continue;
            var p = line.Trim().Split(' ');
            var real = double.Parse(p[1], CultureInfo.InvariantCulture);
            var cpu = double.Parse(p[2], CultureInfo.InvariantCulture) + double.Parse(p[3], CultureInfo.InvariantCulture);
            return (real, cpu);
        }
        throw new InvalidOperationException("no timing from " + program + ": " + r.Error);
    }

    /// <summary>Runs a program in the namespace and returns its standard output; throws when it fails.</summary>
    public string Output(string program, params string[] arguments)
    {
        var args = new System.Collections.Generic.List<string> { "netns", "exec", Name, program };
        args.AddRange(arguments);
        var r = Shell.Run("ip", args.ToArray());
        if (r.ExitCode != 0) throw new InvalidOperationException(program + " failed: " + r.Error);
        return r.Output;
    }

    /// <summary>Runs a program in the namespace; throws when it fails.</summary>
    public void Run(string program, params string[] arguments) => Time(program, arguments);

    public void Dispose() => Shell.Run("ip", "netns", "del", Name);
}

/// <summary>Runs a program and collects its output.</summary>
public static class Shell
{
    public readonly record struct Result(int ExitCode, string Output, string Error);

    public static Result Run(string program, params string[] arguments)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in arguments) info.ArgumentList.Add(a);
        info.Environment["LC_ALL"] = "C";
        try
        {
            using var p = Process.Start(info)!;
            var error = p.StandardError.ReadToEndAsync();
            var output = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            return new Result(p.ExitCode, output, error.Result);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return new Result(127, string.Empty, e.Message);
        }
    }
}
