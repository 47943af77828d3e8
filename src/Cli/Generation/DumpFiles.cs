using NatDsl.Cli.Presentation;
using NatDsl.Formats;

namespace NatDsl.Cli.Generation;

/// <summary>
/// Reads a dump captured from a node for <c>verify</c> and <c>import</c>: <c>iptables-save</c>
/// output (or a restore script), <c>iptables -S</c> rules, or an <c>iptables -L -n</c> listing,
/// detected by the runtime's <see cref="DumpReader"/> as every other command detects it.
/// </summary>
internal static class DumpFiles
{
    /// <summary>Reads <paramref name="path"/> (<c>-</c> for standard input); parse errors are <c>DumpParseException</c>s.</summary>
    /// <param name="path">The file, or <c>-</c>.</param>
    /// <param name="lenient">Find the dump inside other text (skipped lines reported on stderr).</param>
    /// <param name="progress">Shows the reading and the parsing.</param>
    public static LoadedDump Read(string path, bool lenient = false, ProgressReporter? progress = null) => From(DumpInput.Read(path, lenient, progress: progress));

    private static LoadedDump From(Dump dump) =>
        new LoadedDump(dump.RuleSet, dump.Listing?.Form) { Format = dump.Format };
}
