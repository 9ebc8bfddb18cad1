package io.playbooks.conversion;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class NumberedHeadingTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"1. Stop traffic|Stop traffic", "2) Drain|Drain", "Step 2: Drain node|Drain node",
            "step 3 - Verify|Verify", "STEP 4 Restart|Restart", "  10.  Check the logs |Check the logs",
            "1 – Freeze deploys|Freeze deploys", "2 - Snapshot|Snapshot", "3: Migrate|Migrate",
            "Step 3a - Renew the certificate|Renew the certificate", "Step 3b: Fix the chain|Fix the chain",
            "Schritt 3: Zertifikate erneuern|Zertifikate erneuern", "Étape 2 : Promouvoir le cluster|Promouvoir le cluster",
            "Paso 1. Comprobar los pods|Comprobar los pods", "Passo 2 – Atualizar o plano|Atualizar o plano",
            "Stap 3: Recycle de pool|Recycle de pool", "手順3：フェイルオーバーを実行する|フェイルオーバーを実行する",
            "步骤 2：创建恢复任务|创建恢复任务", "第2步：创建恢复任务|创建恢复任务", "1：停止する|停止する",
            "Step 2 of 5 – Take the agent offline|Take the agent offline",
            "Step 1 (optional) – Save the Maven cache|Save the Maven cache (optional)",
            "Step-1: Check the queue latency|Check the queue latency", "STEP-2 - Restart|Restart",
            "Schritt 3 von 5 – Zertifikate erneuern|Zertifikate erneuern", "Paso 2 (opcional): Copiar la PKI|Copiar la PKI (opcional)",
            "Étape 3 sur 5 – Basculer le DNS|Basculer le DNS"})
    void numberedHeadingsGiveTheirTitleWithoutTheNumber(String heading, String title) {
        assertThat(NumberedHeading.title(heading)).contains(title);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Overview", "Stepping stones", "Rollback", "2024 review", "1.5 release", "10:30 window",
            "2-3 hours", "", "   ", "第2章：概要", "Paso a paso", "Stapel 2",
            "Paso 1 (primary hall)", "Stap 5.0 on RHEL 9", "Stap 4.9 on RHEL 8", "Schritt 3 von 5"})
    void otherHeadingsAreNotNumberedSteps(String heading) {
        assertThat(NumberedHeading.title(heading)).isEmpty();
    }
}
