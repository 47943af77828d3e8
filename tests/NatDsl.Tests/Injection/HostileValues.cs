namespace NatDsl.Tests.Injection;

/// <summary>Strings that would break out of an iptables-restore script if written into it unescaped.</summary>
public static class HostileValues
{
    /// <summary>Quotes, backslashes, line ends, spaces, restore commands, table lines, non-ASCII, NUL, shell syntax.</summary>
    public static readonly string[] All =
    {
        "a\"b", "a'b", "a\\b", "\"", "\\", "a b", " a", "a ", "a\tb", "a\nb", "a\rb", "a\r\nb",
        "x\n-A KUBE-SERVICES -j ACCEPT", "x\nCOMMIT\n*filter\n-A INPUT -j DROP\nCOMMIT", "-A", "-A INPUT -j DROP", "COMMIT",
        "*nat", ":KUBE-X - [0:0]", "# comment", "-j", "--comment", "!", "a/b", "a:b", "a,b", "a;b",
        "$(reboot)", "`id`", "ñandú", "кубе", "服务", "emoji😀", "a\0b", "UPPER", "-leading", "trailing-",
        "a_b", "a.b", "", new string('a', 64), "ns/extra/slash",
    };
}
