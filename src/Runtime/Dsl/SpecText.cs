using System.Collections.Generic;
using NatDsl.Model;
using NatDsl.Spec;

namespace NatDsl.Dsl;

/// <summary>Parses the text arguments of the DSL, reporting malformed values as <see cref="SpecError"/>s.</summary>
internal static class SpecText
{
    public static IpAddress? Address(string? text, string? service, string field, List<SpecError> errors)
    {
        if (IpAddress.TryParse(text, out var address)) return address;
        errors.Add(new SpecError(service, field, Quote(text) + " is not an IP address"));
        return null;
    }

    public static IpNetwork? Cidr(string? text, string? service, string field, List<SpecError> errors, bool trim = false)
    {
        var value = trim && text is not null ? text.Trim() : text;
        if (value is not null && value.IndexOf('/') > 0 && IpNetwork.TryParse(value, out var network)) return network;
        errors.Add(new SpecError(service, field, Quote(text) + " is not a CIDR (address/prefix)"));
        return null;
    }

    private static string Quote(string? text) => text is null ? "null" : "\"" + text + "\"";
}
