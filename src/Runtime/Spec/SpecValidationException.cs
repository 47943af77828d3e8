using System;
using System.Collections.Generic;
using System.Text;
using NatDsl.Model;

namespace NatDsl.Spec;

/// <summary>Thrown when a spec has errors; the message lists all of them, one per line.</summary>
public sealed class SpecValidationException : Exception
{
    /// <summary>Creates the exception for a non-empty list of errors.</summary>
    public SpecValidationException(IEnumerable<SpecError> errors)
        : this(errors.ToValueList())
    {
    }

    private SpecValidationException(ValueList<SpecError> errors)
        : base(Describe(errors))
    {
        Errors = errors;
    }

    /// <summary>Every error found.</summary>
    public ValueList<SpecError> Errors { get; }

    private static string Describe(ValueList<SpecError> errors)
    {
        var sb = new StringBuilder();
        sb.Append("The cluster spec has ").Append(errors.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))
          .Append(errors.Count == 1 ? " error:" : " errors:");
        foreach (var error in errors) sb.Append('\n').Append("  ").Append(error);
        return sb.ToString();
    }
}
