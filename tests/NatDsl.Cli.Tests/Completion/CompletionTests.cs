using System.Linq;
using NatDsl.Cli.Commands;
using NUnit.Framework;

namespace NatDsl.Cli.Tests.Completion;

/// <summary>What <c>natdsl __complete LINE</c> answers for a command line typed so far.</summary>
public class CompletionTests
{
    private static string Complete(string line) => string.Join(" ", CompletionCommand.Complete(CommandLineApp.Build(), line));

    [TestCase("natdsl ", "convert diff trace explain generate verify import completion")]
    [TestCase("natdsl c", "convert completion")]
    [TestCase("natdsl conv", "convert")]
    [TestCase("natdsl -", "--help --version --debug --quiet")]
    [TestCase("natdsl completion ", "bash fish")]
    [TestCase("natdsl completion f", "fish")]
    public void Commands_and_their_arguments(string line, string expected) => Assert.That(Complete(line), Is.EqualTo(expected));

    [TestCase("natdsl convert ", ":files")]
    [TestCase("natdsl convert node1.rules ", "")]
    [TestCase("natdsl convert --to save ", ":files")]
    [TestCase("natdsl convert node1.rules -o ", ":files")]
    [TestCase("natdsl diff a.rules ", ":files")]
    [TestCase("natdsl diff a.rules b.rules ", "")]
    [TestCase("natdsl verify Rules.cs --golden ", ":files")]
    [TestCase("natdsl generate --since ", ":files")]
    [TestCase("natdsl generate --from-kubernetes ", ":files")]
    [TestCase("\"natdsl\" import 'my dump.txt' --output ", ":files")]
    public void File_names_where_a_file_goes(string line, string expected) => Assert.That(Complete(line), Is.EqualTo(expected));

    [TestCase("natdsl convert x --to ", "listing rules save")]
    [TestCase("natdsl convert x --to l", "listing")]
    [TestCase("natdsl convert x --dialect ", "names numbers")]
    [TestCase("natdsl convert x --table n", "nat")]
    [TestCase("natdsl trace x --proto ", "sctp tcp udp")]
    [TestCase("natdsl import x --profile ", "auto current v1.12")]
    [TestCase("natdsl trace x --src ", "")]
    [TestCase("natdsl trace x --src 10.0.0.1 --dst ", "")]
    public void Values_an_option_accepts(string line, string expected) => Assert.That(Complete(line), Is.EqualTo(expected));

    [Test]
    public void Options_of_the_command_and_the_recursive_ones_of_the_root()
    {
        var options = CompletionCommand.Complete(CommandLineApp.Build(), "natdsl convert x --");
        Assert.That(options, Is.EqualTo(new[] { "--to", "--dialect", "--exact", "--verbose", "--line-numbers", "--lenient", "--table", "--output", "--help", "--debug", "--quiet" }));
        Assert.That(Complete("natdsl convert x --t"), Is.EqualTo("--to --table"));
        Assert.That(Complete("natdsl convert x --debug -"), Does.StartWith("--to "), "a flag takes no value: the next word is free");
        Assert.That(Complete("natdsl convert x --debug "), Is.Empty, "the input is given: nothing positional is left");
    }

    [Test]
    public void The_hidden_command_is_never_offered()
    {
        Assert.That(Complete("natdsl _"), Is.Empty);
        Assert.That(Complete("natdsl "), Does.Not.Contain(CompletionCommand.CompleteCommandName));
    }

    [Test]
    public void Each_shell_gets_a_script_calling_the_hidden_command()
    {
        foreach (var shell in new[] { "bash", "fish" })
        {
            Assert.That(CompletionCommand.Script(shell), Does.Contain("natdsl " + CompletionCommand.CompleteCommandName + " ").And.Contain(CompletionCommand.FilesMarker), shell);
        }
        Assert.That(() => CompletionCommand.Script("tcsh"), Throws.InstanceOf<UserInputException>());
    }

    [Test]
    public void Every_command_argument_that_names_a_file_completes_file_names()
    {
        // A new command whose input is a file but not marked would complete nothing: keep them in step.
        var root = CommandLineApp.Build();
        foreach (var command in root.Subcommands.Where(c => !c.Hidden && c.Name != "completion"))
        {
            Assert.That(Complete("natdsl " + command.Name + " "), Does.Contain(CompletionCommand.FilesMarker), command.Name);
        }
    }
}
