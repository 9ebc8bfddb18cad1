package io.playbooks.conversion;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The detector's original weights and word lists: the profile every instance starts with. */
final class BuiltInProfile {

    static final double THRESHOLD = 0.5;
    /**
     * Weight of five steps or more under a procedure heading, mostly instructions: with the heading, the ordered list
     * and the imperative they reach the threshold.
     */
    static final double LONG_IMPERATIVE_LIST = 0.05;
    /** Weight of steps mostly in the past tense ("Stopped broker 1", "Ran kubeadm upgrade"): a record of work done. */
    static final double PAST_TENSE_STEPS = -0.30;

    private static final List<String> PROCEDURE_LABELS = List.of(
            "runbook", "playbook", "procedure", "how-to", "howto", "sop", "troubleshooting", "checklist", "run-book",
            "operations-guide", "instructions", "incident-response",
            // the same kinds of page in German, French, Spanish, Portuguese, Italian, Dutch, Japanese and Chinese
            "anleitung", "betriebshandbuch", "checkliste", "arbeitsanweisung", "fehlerbehebung", "procédure",
            "mode-opératoire", "dépannage", "procedimiento", "procedimento", "procedura", "istruzioni", "handleiding",
            "werkinstructie", "stappenplan", "手順書", "運用手順書", "运维手册", "操作手册", "操作指南");
    private static final List<String> NOT_A_PROCEDURE_LABELS = List.of(
            "meeting-notes", "meeting", "retrospective", "retro", "release-notes", "decision-log", "decision",
            "requirements", "product-requirements", "architecture", "design", "glossary", "contacts", "team",
            "reference", "api", "api-reference", "policy", "postmortem", "post-mortem", "roadmap", "okr", "minutes",
            "index", "handover", "status-report", "weekly-report", "adr", "architecture-decision",
            "architecture-decision-record", "decision-record", "rfc", "proposal", "project-plan", "cheat-sheet",
            "cheatsheet", "template", "incident-review", "incident-report", "announcement", "training", "threat-intel", "lessons-learned", "status-page", "project-status",
            "control-matrix", "explanation", "concepts", "todo", "to-do", "personal",
            "besprechungsprotokoll", "protokoll", "compte-rendu", "acta", "anuncio", "annonce", "annuncio", "architektur",
            "arquitectura", "arquitetura", "architettura", "architectuur", "richtlinie", "politique", "política",
            "beleid", "議事録", "会议纪要", "障害報告", "事故报告");
    private static final List<String> PROCEDURE_TITLE_WORDS = List.of(
            "runbook", "run book", "playbook", "procedure", "how to", "how-to", "install", "installing",
            "installation", "deploy", "deploying", "deployment", "upgrade", "upgrading", "restore", "restoring",
            "rotate", "rotating", "rotation", "failover", "fail over", "switchover", "troubleshoot",
            "troubleshooting", "restart", "restarting", "renew", "renewing", "renewal", "rollback", "roll back",
            "recover", "recovery", "recovering", "migrate", "migrating", "migration", "drain", "draining", "flush",
            "flushing", "reindex", "reindexing", "apply", "applying", "rebuild", "reset", "patch", "patching",
            "provision", "provisioning", "setup", "set up", "configure", "configuring", "enable", "enabling",
            "disable", "disabling", "increase", "increasing", "decrease", "decreasing", "scale", "scaling",
            "checklist", "sop", "backup", "back up", "runbooks", "procedures", "playbooks", "roll out", "rollout",
            "cutover", "cut over", "decommission", "decommissioning", "maintenance", "downgrade", "cleanup",
            "clean up", "create", "creating", "add", "adding", "remove", "removing", "replace", "replacing", "change",
            "resize", "resizing", "fix", "fixing", "resolve", "resolving", "handle", "handling", "respond to",
            "onboarding", "offboarding", "publish", "publishing", "spike", "stuck", "5xx", "unreachable",
            "degraded", "expiry", "expired", "disk full",
            "anleitung", "wiederherstellen", "wiederherstellung", "erneuern", "aktualisieren", "neustart", "umschalten",
            "checkliste", "fehlerbehebung", "procédure", "renouveler", "restaurer", "restauration", "redémarrer",
            "redémarrage", "bascule", "basculer", "dépannage", "déployer", "déploiement", "procedimiento", "desplegar",
            "restaurar", "actualizar", "reiniciar", "conmutación", "rotar", "renovar", "procedimento", "atualizar",
            "procedura", "aggiornamento", "aggiornare", "ripristino", "ripristinare", "riavvio", "riavviare",
            "rotazione", "stappenplan", "handleiding", "herstellen", "vernieuwen", "herstarten", "bijwerken",
            // words of scripts without spaces, found inside the title's words
            "手順", "復旧", "切り替え", "再起動", "フェイルオーバー", "トラブルシューティング", "手册", "恢复", "升级",
            "切换", "重启", "排查");
    private static final List<String> NOT_A_PROCEDURE_TITLE_WORDS = List.of(
            "meeting", "minutes", "retrospective", "retro", "release notes", "changelog", "decision log",
            "decision record", "adr", "requirements", "architecture", "design", "glossary", "contacts", "reference",
            "policy", "postmortem", "post-mortem", "roadmap", "overview", "severity levels", "okr", "okrs",
            "agenda", "handover", "status report", "weekly report", "project plan", "cheat sheet", "cheatsheet",
            "template", "evaluation", "comparison", "standards", "guidelines", "reading list", "timeline",
            "capacity review", "capacity plan", "decisions", "incident review", "incident report", "announcement",
            "style guide", "conventions", "we work", "we write", "interview", "sign-off", "test report", "test register",
            "test results", "drill report", "renewal log", "rotation log", "run log", "incident log", "change log",
            "maintenance log", "training module", "training session", "training course", "quiz", "threat brief",
            "threat intelligence", "strategy", "lessons learned", "upgrade status", "migration status",
            "rollout status", "project status", "prd", "etiquette", "principles", "working agreement", "norms",
            "findings", "definition of", "support matrix", "skew matrix", "control matrix", "compatibility matrix",
            "severity matrix", "version matrix", "assessment", "upgrade report",
            "upgrade schedule", "change freeze", "now available",
            "protokoll", "besprechung", "besprechungsprotokoll", "compte rendu", "acta", "anuncio", "annonce",
            "annuncio", "aankondiging", "architektur", "arquitectura", "arquitetura", "architettura", "architectuur",
            "richtlinie", "politique", "política", "beleid", "議事録", "会议纪要", "障害報告", "事故报告", "アーキテクチャ",
            "架构");
    private static final List<String> NOT_A_PROCEDURE_HEADINGS = List.of(
            "participants", "attendees", "agenda", "discussion", "action items", "what went well",
            "what did not go well", "what didn't go well", "lessons learned", "decision", "user stories", "user flow",
            "open questions", "success metrics", "non-goals", "out of scope",
            "user interaction", "goals", "background and strategic fit", "not doing", "endpoints", "error codes",
            "changes", "fixes", "known issues", "new features", "bug fixes", "deprecations", "alternatives",
            "consequences", "terms", "incidents", "ongoing issues", "follow-ups", "highlights", "timeline",
            "contributing factors", "incident summary", "root cause", "follow-up actions", "context",
            "options considered", "considered options", "decision drivers", "done this week", "next week",
            "this week", "last week", "risks", "asks", "blockers", "previous releases", "previous versions",
            "steps to reproduce", "steps performed", "steps taken", "what happened", "what we did", "what was done",
            "how we checked", "why it happened", "breaking changes", "what's new", "what’s new", "improvements",
            "upgrade notes");
    /** Headings under which a page says what to do: a troubleshooting article's Resolution, a runbook's Procedure. */
    private static final List<String> PROCEDURE_HEADINGS = List.of("procedure", "resolution", "mitigation",
            "remediation", "workaround", "what to do", "how to fix", "fix", "instructions", "triage", "steps",
            "ablauf", "durchführung", "vorgehen", "lösung", "procédure", "déroulé", "résolution", "procedimiento",
            "pasos", "resolución", "procedimento", "passos", "resolução", "procedura", "passaggi", "risoluzione",
            "werkwijze", "stappen", "oplossing", "作業手順", "実施手順", "対処", "操作步骤", "处理步骤", "解决方法");
    private static final List<String> IMPERATIVE_VERBS = List.of(
            "add", "allocate", "allow", "announce", "apply", "approve", "answer", "arrange", "ask", "associate", "attach", "back", "book", "brief", "bring", "build", "call", "capture",
            "carry", "change", "check", "choose", "clean", "clear", "click", "close", "compare", "configure",
            "confirm", "connect", "contact", "copy", "cordon", "count", "create", "deactivate", "decrease", "delete",
            "demote", "deploy", "detach", "determine", "downgrade", "drop", "disable", "download", "drain", "edit",
            "enable", "enforce", "ensure", "enter", "escalate", "escort", "execute", "export", "extract", "fail", "fetch", "fill", "find",
            "flush", "follow", "force", "free", "gather", "generate", "get", "go", "grant", "hand", "identify", "investigate",
            "import", "increase", "inform", "initialise", "initialize", "inspect", "install", "kill", "launch",
            "list", "load", "locate", "lock", "log", "login", "look", "make", "mark", "meet", "merge", "migrate", "modify",
            "monitor", "mount", "move", "navigate", "note", "notify", "open", "pack", "page", "paste", "patch", "pause", "ping",
            "plan", "poll", "post", "prepare", "promote", "provision", "prune", "pull", "purge", "push", "put", "query",
            "raise", "re-enable", "re-queue", "read", "reboot", "rebuild", "record", "reduce", "refresh", "register",
            "regenerate", "reindex", "reload", "remove", "rename", "renew", "repeat", "replace", "reply", "report", "request", "reset", "resize",
            "restart", "restore", "resume", "retry", "return", "revert", "review", "revoke", "roll", "rollback", "rotate",
            "run", "save", "scale", "schedule", "see", "select", "send", "set", "shorten", "shut", "sign", "ssh",
            "start", "stay", "stop", "store", "submit", "switch", "sync", "tag", "take", "tell", "terminate", "test", "tick",
            "insert", "retire", "eject", "press", "hold", "plug", "unplug", "swap", "wipe", "label", "power", "replug",
            "assess", "mitigate", "evaluate", "diagnose", "document", "analyse", "analyze", "collect", "estimate",
            "trigger", "turn", "type", "uncordon", "uninstall", "unlock", "unmount", "unpack", "update", "upgrade",
            "upload", "use", "validate", "verify", "wait", "walk", "watch", "write", "declare", "assign", "reassign", "freeze",
            "unfreeze", "join", "lift", "ship", "invalidate", "acknowledge", "cancel", "abort", "archive", "bump",
            "dump", "email", "mute", "unmute", "silence", "snooze", "snapshot", "suspend", "tail", "toggle", "unseal",
            "seal", "vacuum", "evict", "redeploy", "recreate", "rerun", "replay", "reprocess", "resubmit", "reroute",
            "redirect", "rebalance", "disconnect", "reconnect", "decline", "reject", "publish", "unpublish", "point",
            "photograph", "fit", "slide", "reseat", "re-seat", "unrack", "rack", "cable", "unscrew", "screw", "give",
            "failover", "resync", "evacuate", "decommission", "thaw", "fence", "unfence", "taint", "untaint", "compact",
            "spin", "tear", "warm", "extend", "expand", "grow", "shrink", "quiesce", "backfill", "reseed", "remount",
            "repair", "rescan", "rekey", "recompute", "scan", "deregister", "unregister", "bootstrap", "seed",
            "tune", "throttle", "unthrottle", "whitelist", "allowlist", "blocklist", "block", "unblock", "cut",
            "reenable", "re-run", "re-deploy", "re-create", "re-sync", "reserve", "deallocate", "re-issue", "reissue", "re-key", "reimage", "re-image",
            "disassociate");

    private static final Set<String> VERBS = Set.copyOf(IMPERATIVE_VERBS);

    private BuiltInProfile() {
    }

    /** Whether a word is one of the built-in imperative verbs (lower case): a heading that starts with one is a step. */
    static boolean isImperativeVerb(String word) {
        return VERBS.contains(word);
    }

    static DetectionProfile with(Map<String, String> spaceCategoryMapping) {
        return new DetectionProfile(THRESHOLD,
                new DetectionProfile.Weights(DetectionProfile.Weights.same(0.30, PROCEDURE_LABELS),
                        DetectionProfile.Weights.same(-0.50, NOT_A_PROCEDURE_LABELS)),
                new DetectionProfile.Weights(DetectionProfile.Weights.same(0.20, PROCEDURE_TITLE_WORDS),
                        DetectionProfile.Weights.same(-0.35, NOT_A_PROCEDURE_TITLE_WORDS)),
                new DetectionProfile.Weights(DetectionProfile.Weights.same(0.10, PROCEDURE_HEADINGS),
                        DetectionProfile.Weights.same(-0.30, NOT_A_PROCEDURE_HEADINGS)),
                new LinkedHashSet<>(IMPERATIVE_VERBS),
                new DetectionProfile.StructureWeights(0.20, 0.20, 0.25, 0.10, 0.15, LONG_IMPERATIVE_LIST,
                        PAST_TENSE_STEPS, 0.10, -0.30),
                spaceCategoryMapping);
    }
}
