namespace NatDsl.Tests.Mutation;

/// <summary>What happened to one input.</summary>
public enum ParseOutcome
{
    /// <summary>Parsed, and the parsed document rendered.</summary>
    Parsed,

    /// <summary>Rejected with a located <see cref="NatDsl.Formats.DumpParseException"/>.</summary>
    Rejected,

    /// <summary>Anything else: another exception, a bad location, a time-out or too much memory.</summary>
    Broken,
}
