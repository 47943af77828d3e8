#!/usr/bin/perl
# Parses an `iptables -t TABLE -L -v -n` listing with IPTables::Parse (Debian package
# libiptables-parse-perl), the peer of NatDsl's listing parser.
#
# IPTables::Parse reads its whole input file on every chain_rules() call and returns the rules
# of one chain, so parsing a whole listing through it directly is quadratic. To be fair to it,
# this script splits the listing into chains itself and hands IPTables::Parse one chain at a
# time through a scratch file, and it reports the time spent inside chain_rules() only.
#
# usage: iptables-parse.pl LISTING TABLE SCRATCH
# prints: chains=N rules=N parsed=N wall=SECONDS cpu=SECONDS
use strict;
use warnings;
use IPTables::Parse;
use Time::HiRes qw(time);

my ($listing, $table, $scratch) = @ARGV;
die "usage: $0 LISTING TABLE SCRATCH\n" unless defined $scratch;

open my $in, '<', $listing or die "cannot read $listing: $!\n";
my @sections;
my $current;
while (my $line = <$in>) {
    if ($line =~ /^Chain\s(\S+)\s\(/) {
        $current = [$1, $line];
        push @sections, $current;
        next;
    }
    $current->[1] .= $line if $current;
}
close $in;

my $ipt = IPTables::Parse->new('iptables' => '/usr/sbin/iptables', 'skip_ipt_exec_check' => 1, 'lockless_ipt_exec' => 1);
my ($rules, $parsed, $wall, $cpu) = (0, 0, 0, 0);
for my $section (@sections) {
    open my $out, '>', $scratch or die "cannot write $scratch: $!\n";
    print $out $section->[1];
    close $out;
    my ($u0, $s0) = times;
    my $t0 = time;
    my $chain = $ipt->chain_rules($table, $section->[0], $scratch);
    $wall += time - $t0;
    my ($u1, $s1) = times;
    $cpu += ($u1 - $u0) + ($s1 - $s0);
    $rules += scalar @$chain;
    $parsed += scalar grep { defined $_->{'target'} && $_->{'target'} ne '' } @$chain;
}
unlink $scratch;
printf "chains=%d rules=%d parsed=%d wall=%.6f cpu=%.6f\n", scalar @sections, $rules, $parsed, $wall, $cpu;
