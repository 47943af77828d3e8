using System.Collections.Generic;
using NatDsl.Formats.Listing;
using NatDsl.Model;

namespace NatDsl.Tests.Properties;

/// <summary>Listing forms that together use every option: -v, -x, --line-numbers, both dialects, every names release.</summary>
public static class ListingForms
{
    /// <summary>The forms of one family.</summary>
    public static IReadOnlyList<ListingForm> All(IpFamily family) => new[]
    {
        new ListingForm { Family = family },
        new ListingForm { Family = family, NamesRelease = ListingNamesRelease.Release1_8_8, LineNumbers = true },
        new ListingForm { Family = family, NamesRelease = ListingNamesRelease.From1_8_11 },
        new ListingForm { Family = family, Dialect = ListingDialect.Numbers },
        new ListingForm { Family = family, Verbose = true },
        new ListingForm { Family = family, Verbose = true, Dialect = ListingDialect.Numbers },
        new ListingForm { Family = family, Verbose = true, Exact = true },
        new ListingForm { Family = family, Verbose = true, Exact = true, LineNumbers = true, Dialect = ListingDialect.Numbers },
        new ListingForm { Family = family, Verbose = true, LineNumbers = true, NamesRelease = ListingNamesRelease.From1_8_11 },
        new ListingForm { Family = family, Verbose = true, Exact = true, NamesRelease = ListingNamesRelease.Release1_8_8 },
    };
}
