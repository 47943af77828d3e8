namespace NatDsl.Formats.Save;

/// <summary>The iptables options that are not extension options.</summary>
internal enum GenericOption
{
    None,
    Source,
    Destination,
    InInterface,
    OutInterface,
    Protocol,
    Fragment,
    Match,
    Jump,
    Goto,
    SetCounters,
    Table,
    Command,
}
