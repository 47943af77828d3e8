namespace NatDsl.Spec;

/// <summary>RFC 1123 labels as Kubernetes validates them: 1–63 characters of <c>[a-z0-9-]</c>, alphanumeric at both ends.</summary>
public static class DnsLabel
{
    /// <summary>The longest label.</summary>
    public const int MaxLength = 63;

    /// <summary>Whether <paramref name="text"/> is a DNS-1123 label.</summary>
    public static bool IsValid(string? text)
    {
        if (string.IsNullOrEmpty(text) || text!.Length > MaxLength) return false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (alnum) continue;
            if (c == '-' && i > 0 && i < text.Length - 1) continue;
            return false;
        }
        return true;
    }
}
