using System;

namespace NatDsl.KubeProxy;

/// <summary>
/// A chain handed to an <see cref="IChainPieceSink"/> was written again (another piece has a
/// chain of the same name, or a rule is appended to it later): the streamed compilation cannot
/// be used and the caller compiles the whole model instead.
/// </summary>
internal sealed class StreamedChainConflictException : Exception
{
    public StreamedChainConflictException(string chain)
        : base("chain " + chain + " was written after it had been streamed")
    {
    }
}
