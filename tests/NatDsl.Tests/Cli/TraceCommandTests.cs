using System.Linq;
using System.Text.Json;
using NUnit.Framework;

namespace NatDsl.Tests.Cli;

/// <summary>End-to-end tests of <c>natdsl trace</c>.</summary>
public class TraceCommandTests
{
    private static string SeedPath => TestData.PathOf("golden", "seed.listing.txt");

    [Test]
    public void Seed_to_service_test_has_four_outcomes_of_a_quarter()
    {
        var result = CliProcess.Run("trace", SeedPath, "--src", "10.254.98.9", "--dst", "10.254.82.218:8088");
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        var text = result.StandardOutput;
        Assert.That(text, Does.StartWith("packet tcp 10.254.98.9:40000 -> 10.254.82.218:8088\n"));
        foreach (var endpoint in new[] { "10.254.28.6:8080", "10.254.28.7:8080", "10.254.98.4:8080", "10.254.98.5:8080" })
        {
            Assert.That(text, Does.Match("\\n\\d  25\\.000%  +" + endpoint.Replace(".", "\\.") + " "), endpoint);
        }
        Assert.That(text.Split('\n').Count(l => l.StartsWith("path of outcome ")), Is.EqualTo(4));
        Assert.That(text, Does.Contain("nat -A KUBE-SVC-N7RVRFO6KG6JK57Y -m statistic --mode random --probability 0.25000000000 -j KUBE-SEP-2ETOGMBR3D5CXS34"));
    }

    [Test]
    public void Json_has_the_packet_and_four_outcomes_with_paths()
    {
        var result = CliProcess.Run("trace", SeedPath, "--src", "10.254.98.9", "--dst", "10.254.82.218:8088", "--json");
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        using var json = JsonDocument.Parse(result.StandardOutput);
        var root = json.RootElement;
        var packet = root.GetProperty("packet");
        Assert.That(packet.GetProperty("protocol").GetString(), Is.EqualTo("tcp"));
        Assert.That(packet.GetProperty("destination").GetString(), Is.EqualTo("10.254.82.218"));
        Assert.That(packet.GetProperty("destinationPort").GetInt32(), Is.EqualTo(8088));
        Assert.That(root.GetProperty("truncated").GetBoolean(), Is.False);
        var outcomes = root.GetProperty("outcomes").EnumerateArray().ToList();
        Assert.That(outcomes, Has.Count.EqualTo(4));
        Assert.That(outcomes.Select(o => o.GetProperty("destination").GetString()),
            Is.EquivalentTo(new[] { "10.254.28.6:8080", "10.254.28.7:8080", "10.254.98.4:8080", "10.254.98.5:8080" }));
        foreach (var o in outcomes)
        {
            Assert.That(o.GetProperty("probabilityValue").GetDouble(), Is.EqualTo(0.25).Within(0.0001));
            Assert.That(o.GetProperty("probability").GetString(), Does.Match("^\\d+/\\d+$"));
            Assert.That(o.GetProperty("verdict").GetString(), Is.EqualTo("forwarded"));
            Assert.That(o.GetProperty("masquerade").GetBoolean(), Is.False);
            var path = o.GetProperty("path").EnumerateArray().ToList();
            Assert.That(path.First().GetProperty("chain").GetString(), Is.EqualTo("PREROUTING"));
            Assert.That(path.Any(s => s.GetProperty("text").GetString()!.Contains("-j DNAT --to-destination " + o.GetProperty("destination").GetString())), Is.True);
        }
        Assert.That(outcomes.Sum(o => o.GetProperty("probabilityValue").GetDouble()), Is.EqualTo(1.0).Within(1e-9));
    }

    [Test]
    public void A_client_outside_the_cluster_is_masqueraded()
    {
        var result = CliProcess.Run("trace", SeedPath, "--src", "192.168.7.7", "--dst", "10.254.82.218:8088", "--json");
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        using var json = JsonDocument.Parse(result.StandardOutput);
        Assert.That(json.RootElement.GetProperty("outcomes").EnumerateArray().All(o => o.GetProperty("masquerade").GetBoolean()), Is.True);
    }

    [Test]
    public void Udp_to_the_dns_service()
    {
        var result = CliProcess.Run("trace", SeedPath, "--src", "10.254.98.9", "--dst", "10.254.0.10:53", "--proto", "udp", "--json");
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        using var json = JsonDocument.Parse(result.StandardOutput);
        var outcome = json.RootElement.GetProperty("outcomes").EnumerateArray().Single();
        Assert.That(outcome.GetProperty("destination").GetString(), Is.EqualTo("10.254.28.2:53"));
    }

    [Test]
    public void A_nodeport_needs_the_node_address()
    {
        var withLocal = CliProcess.Run("trace", SeedPath, "--src", "192.168.7.7", "--dst", "192.168.1.20:34573", "--local-address", "192.168.1.20", "--json");
        Assert.That(withLocal.ExitCode, Is.EqualTo(0), withLocal.ToString());
        using var json = JsonDocument.Parse(withLocal.StandardOutput);
        Assert.That(json.RootElement.GetProperty("outcomes").EnumerateArray().Select(o => o.GetProperty("destination").GetString()),
            Is.EquivalentTo(new[] { "10.254.28.4:80", "10.254.98.3:80" }));

        var without = CliProcess.Run("trace", SeedPath, "--src", "192.168.7.7", "--dst", "192.168.1.20:34573", "--json");
        using var none = JsonDocument.Parse(without.StandardOutput);
        Assert.That(none.RootElement.GetProperty("outcomes").EnumerateArray().Single().GetProperty("destination").GetString(), Is.EqualTo("192.168.1.20:34573"));
    }

    [Test]
    public void Ipv6_destination_in_brackets()
    {
        var dump = TestData.PathOf("vectors", "out", "v5-ip6-nat.legacy.save-nat.txt");
        var result = CliProcess.Run("trace", dump, "--src", "2001:db8::1", "--dst", "[fd00:10:96::a]:80", "--json");
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        using var json = JsonDocument.Parse(result.StandardOutput);
        var outcome = json.RootElement.GetProperty("outcomes").EnumerateArray().Single();
        Assert.That(outcome.GetProperty("destination").GetString(), Is.EqualTo("fd00:10:244:1::5:8080"));
        CliProcess.AssertBadInput(CliProcess.Run("trace", dump, "--src", "2001:db8::1", "--dst", "10.0.0.1:80"), "--dst: 10.0.0.1 is an IPv4 address but the dump holds IPv6 rules");
    }

    [TestCase("10.254.98.300", "--src: \"10.254.98.300\" is not an IP address")]
    [TestCase("fish", "--src: \"fish\" is not an IP address")]
    [TestCase("10.0.0.1:99999", "--src: \"99999\" is not a port number")]
    [TestCase("fd00::1", "--src: fd00::1 is an IPv6 address but the dump holds IPv4 rules")]
    public void Bad_source_is_bad_input(string source, string message)
    {
        CliProcess.AssertBadInput(CliProcess.Run("trace", SeedPath, "--src", source, "--dst", "10.254.82.218:8088"), message);
    }

    [Test]
    public void Destination_without_port_is_bad_input()
    {
        CliProcess.AssertBadInput(CliProcess.Run("trace", SeedPath, "--src", "10.0.0.1", "--dst", "10.254.82.218"), "--dst: \"10.254.82.218\" has no port");
    }

    [Test]
    public void Unknown_protocol_is_bad_input()
    {
        CliProcess.AssertBadInput(CliProcess.Run("trace", SeedPath, "--src", "10.0.0.1", "--dst", "10.254.82.218:8088", "--proto", "icmp"), "--proto: unknown protocol \"icmp\"");
    }

    [Test]
    public void Bad_local_address_is_bad_input()
    {
        CliProcess.AssertBadInput(CliProcess.Run("trace", SeedPath, "--src", "10.0.0.1", "--dst", "10.254.82.218:8088", "--local-address", "node1"), "--local-address: \"node1\" is not an IP address");
    }

    [Test]
    public void Missing_dump_is_bad_input()
    {
        CliProcess.AssertBadInput(CliProcess.Run("trace", "nowhere.txt", "--src", "10.0.0.1", "--dst", "10.254.82.218:8088"), "nowhere.txt: no such file");
    }

    [Test]
    public void Help_has_examples()
    {
        var result = CliProcess.Run("trace", "--help");
        Assert.That(result.ExitCode, Is.EqualTo(0));
        Assert.That(result.StandardOutput, Does.Contain("Examples:"));
        Assert.That(result.StandardOutput, Does.Contain("--local-address"));
    }
}
