using System;

namespace NatDsl.Cli;

/// <summary>A problem with what the user gave (file missing, bad option value): exit code 2, one line on stderr.</summary>
public sealed class UserInputException : Exception
{
    /// <summary>Creates the exception.</summary>
    public UserInputException(string message)
        : base(message)
    {
    }
}
