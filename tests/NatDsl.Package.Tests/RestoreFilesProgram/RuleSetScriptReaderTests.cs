using System;
using System.IO;
using NatDsl.RestoreFiles;
using NUnit.Framework;

namespace NatDsl.RestoreFiles.Tests;

/// <summary>The restore-file program's metadata reader on assemblies at hand (fast, no build).</summary>
public class RuleSetScriptReaderTests
{
    [Test]
    public void An_assembly_without_rule_sets_has_none()
    {
        Assert.That(RuleSetScriptReader.Read(typeof(RuleSetScriptReader).Assembly.Location), Is.Empty);
    }

    [Test]
    public void A_rule_set_class_the_generator_did_not_complete_is_an_error_naming_it()
    {
        // This test assembly compiles the consumer rule sets without the generator: [NatRuleSet], no RestoreScript.
        var failure = Assert.Throws<RestoreFilesException>(() => RuleSetScriptReader.Read(typeof(RuleSetScriptReaderTests).Assembly.Location))!;

        Assert.That(failure.Message, Does.Match("^the \\[NatRuleSet\\] class 'PackageTests\\.(PackageCluster|Alpha\\.Node|Beta\\.Node)' has no generated RestoreScript constant"));
    }

    [Test]
    public void A_file_that_is_not_an_assembly_is_an_error_naming_it()
    {
        var path = Path.Combine(Path.GetTempPath(), "natdsl-not-an-assembly-" + Guid.NewGuid().ToString("N") + ".dll");
        File.WriteAllText(path, "not a PE file");
        try
        {
            var failure = Assert.Throws<RestoreFilesException>(() => RuleSetScriptReader.Read(path))!;
            Assert.That(failure.Message, Does.StartWith("cannot read '" + path + "': "));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void A_missing_assembly_is_an_error_naming_it()
    {
        var path = Path.Combine(Path.GetTempPath(), "natdsl-missing-" + Guid.NewGuid().ToString("N") + ".dll");
        var failure = Assert.Throws<RestoreFilesException>(() => RuleSetScriptReader.Read(path))!;
        Assert.That(failure.Message, Does.StartWith("cannot read '" + path + "': "));
    }
}
