using System.Linq;
using System.Text.Json;
using NUnit.Framework;

namespace NatDsl.Tests.Cli;

/// <summary>End-to-end tests of <c>natdsl explain</c>.</summary>
public class ExplainCommandTests
{
    private static string SeedPath => TestData.PathOf("golden", "seed.listing.txt");

    [Test]
    public void Seed_lists_service_test_with_four_endpoints_at_a_quarter()
    {
        var result = CliProcess.Run("explain", SeedPath);
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        var text = result.StandardOutput;
        var start = text.IndexOf("kys/service-test", System.StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThanOrEqualTo(0), text);
        var end = text.IndexOf("\n\n", start, System.StringComparison.Ordinal);
        var block = text.Substring(start, end - start);
        Assert.That(block, Does.Contain("10.254.82.218:8088"));
        foreach (var endpoint in new[] { "10.254.28.6:8080", "10.254.28.7:8080", "10.254.98.4:8080", "10.254.98.5:8080" })
        {
            Assert.That(block, Does.Match(endpoint.Replace(".", "\\.") + " +25\\.00%"), endpoint);
        }
        Assert.That(block.Split('\n').Count(l => l.Contains("25.00%")), Is.EqualTo(4));
    }

    [Test]
    public void Json_lists_service_test_with_four_endpoints()
    {
        var result = CliProcess.Run("explain", SeedPath, "--json");
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        using var json = JsonDocument.Parse(result.StandardOutput);
        var service = json.RootElement.GetProperty("services").EnumerateArray().Single(s => s.GetProperty("name").GetString()!.StartsWith("kys/service-test"));
        var frontend = service.GetProperty("frontends").EnumerateArray().Single();
        Assert.That(frontend.GetProperty("address").GetString(), Is.EqualTo("10.254.82.218"));
        Assert.That(frontend.GetProperty("port").GetInt32(), Is.EqualTo(8088));
        var endpoints = frontend.GetProperty("endpoints").EnumerateArray().ToList();
        Assert.That(endpoints, Has.Count.EqualTo(4));
        foreach (var e in endpoints) Assert.That(e.GetProperty("probabilityValue").GetDouble(), Is.EqualTo(0.25).Within(0.0001));
    }

    [Test]
    public void The_save_conversion_explains_the_same()
    {
        using var temp = new TempFiles();
        Assert.That(CliProcess.Run("convert", SeedPath, "--to", "save", "-o", temp.PathOf("seed.rules")).ExitCode, Is.EqualTo(0));
        var fromListing = CliProcess.Run("explain", SeedPath, "--json");
        var fromSave = CliProcess.Run("explain", temp.PathOf("seed.rules"), "--json");
        Assert.That(fromSave.ExitCode, Is.EqualTo(0), fromSave.ToString());
        Assert.That(fromSave.StandardOutput, Is.EqualTo(fromListing.StandardOutput));
    }

    [Test]
    public void Bad_local_address_is_bad_input()
    {
        CliProcess.AssertBadInput(CliProcess.Run("explain", SeedPath, "--local-address", "1.2.3"), "--local-address: \"1.2.3\" is not an IP address");
    }

    [Test]
    public void Malformed_dump_is_located()
    {
        CliProcess.AssertBadInput(CliProcess.RunWithInput("Chain PREROUTING (policy ACCEPT)\nnot a column header\n", "explain", "-"), "<stdin>:2:1: unrecognised column header");
    }

    [Test]
    public void Help_has_examples()
    {
        var result = CliProcess.Run("explain", "--help");
        Assert.That(result.ExitCode, Is.EqualTo(0));
        Assert.That(result.StandardOutput, Does.Contain("Examples:"));
        Assert.That(result.StandardOutput, Does.Contain("natdsl explain node1.txt"));
    }
}
