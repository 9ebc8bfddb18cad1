package io.playbooks.storage;

/** How the steps of one playbook version split: concrete (a command or URL), manual (noop), and all of them. */
public record StepMix(int steps, int concrete, int noop) {
}
