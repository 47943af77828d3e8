using System.CommandLine;

namespace NatDsl.Cli.Commands;

/// <summary>Options several dump commands share (each command gets its own instances).</summary>
public static class CommonOptions
{
    /// <summary><c>--lenient</c>: find the dump inside other text.</summary>
    public static Option<bool> Lenient() => new Option<bool>("--lenient")
    {
        Description = "Find the dump inside other text (a Markdown note, a pasted issue); every skipped line is reported on stderr.",
    };

    /// <summary><c>--json</c>.</summary>
    public static Option<bool> Json(string what) => new Option<bool>("--json")
    {
        Description = "Write " + what + " as JSON.",
    };
}
