using System;

namespace NatDsl.RestoreFiles;

/// <summary>A problem the restore-file step reports as one build error (no stack trace).</summary>
internal sealed class RestoreFilesException : Exception
{
    public RestoreFilesException(string message)
        : base(message)
    {
    }

    public RestoreFilesException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
