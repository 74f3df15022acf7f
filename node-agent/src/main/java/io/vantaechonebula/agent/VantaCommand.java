package io.vantaechonebula.agent;

import io.vantaechonebula.agent.nab.NabCommand;
import io.vantaechonebula.agent.operator.OperatorCommand;
import io.vantaechonebula.agent.scenario.ScenarioCommand;
import io.vantaechonebula.agent.node.NodeCommand;
import io.vantaechonebula.agent.send.SendCommand;
import io.vantaechonebula.agent.tls.TrustedCa;
import io.vantaechonebula.agent.wallet.ValidatorCommand;
import io.vantaechonebula.agent.wallet.WalletCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code vanta}: the entry point of the node agent's commands. */
@Command(name = "vanta", mixinStandardHelpOptions = true, version = "VantaEchoNebula node agent",
        description = "VantaEchoNebula tools for remote nodes and producers.",
        subcommands = {SendCommand.class, WalletCommand.class, ValidatorCommand.class, NodeCommand.class,
                NabCommand.class, ScenarioCommand.class, OperatorCommand.class})
public class VantaCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        try {
            TrustedCa.installFromEnvironment();
        } catch (IllegalArgumentException e) {
            System.err.println("vanta: " + e.getMessage());
            System.exit(2);
        }
        System.exit(new CommandLine(new VantaCommand()).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }
}
