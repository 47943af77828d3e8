using System;

namespace NatDsl.Cli;

/// <summary>Bad input from the user: reported as one line, exit code 2, no stack trace.</summary>
public sealed class UserInputException : Exception
{
    /// <summary>Creates the exception.</summary>
    public UserInputException(string message, bool isUsage = false)
        : base(message)
    {
        IsUsage = isUsage;
    }

    /// <summary>The command line itself was incomplete: the report adds where to find the usage.</summary>
    public bool IsUsage { get; }
}
