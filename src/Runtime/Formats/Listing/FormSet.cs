using System;

namespace NatDsl.Formats.Listing;

/// <summary>
/// Sets of the four text variants a listing's <c>prot</c> and <c>opt</c> columns can take: numbers,
/// and names as printed by three release families. Used to detect the form of a listing.
/// </summary>
[Flags]
internal enum FormSet
{
    None = 0,
    Numbers = 1,
    NamesUpTo1_8_7 = 2,
    Names1_8_8 = 4,
    NamesFrom1_8_11 = 8,
    GluedNames = NamesUpTo1_8_7 | Names1_8_8,
    Separated = Numbers | NamesFrom1_8_11,
    All = Numbers | NamesUpTo1_8_7 | Names1_8_8 | NamesFrom1_8_11,
}
