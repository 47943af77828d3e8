using System;

namespace NatDsl.Cli.Presentation;

/// <summary>What the output streams are connected to: colour and width only for a terminal.</summary>
public static class Terminal
{
    /// <summary>True when stdout is a terminal and NO_COLOR is not set.</summary>
    public static bool ColorOut => !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null;

    /// <summary>True when stderr is a terminal (progress bars go there).</summary>
    public static bool ProgressAllowed => !Console.IsErrorRedirected;

    /// <summary>The terminal width, or 0 (no truncation) when stdout is not a terminal.</summary>
    public static int Width
    {
        get
        {
            if (Console.IsOutputRedirected) return 0;
            try
            {
                return Console.WindowWidth;
            }
            catch (System.IO.IOException)
            {
                return 0;
            }
        }
    }

    /// <summary>Wraps text in an ANSI colour when colour is on.</summary>
    public static string Paint(string text, string ansi) => ColorOut ? "\u001b[" + ansi + "m" + text + "\u001b[0m" : text;
}
